using System.Text.Json.Nodes;

namespace WelfareGraph.Tests.Compatibility;

/// <summary>
/// One operation as a HotChocolate client sends it (document and variables, in the shape HotChocolate's
/// documentation and generated clients write), and what a HotChocolate 15 server answers, worked out in plain C#
/// over the generated rows.
/// </summary>
public sealed record HotChocolateCase(string Name, string Document, JsonNode? Variables, HotChocolateAnswer Answer);
