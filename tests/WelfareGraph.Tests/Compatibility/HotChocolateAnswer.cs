namespace WelfareGraph.Tests.Compatibility;

/// <summary>What the one root field <see cref="Field"/> of a case answers.</summary>
public abstract record HotChocolateAnswer(string Field);
