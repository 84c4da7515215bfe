namespace WelfareGraph.Tests.Compatibility;

/// <summary>A refusal: the field is null and the error carries HotChocolate's <see cref="Code"/>.</summary>
public sealed record ErrorAnswer(string Field, string Code, string? ExpectedType = null) : HotChocolateAnswer(Field);
