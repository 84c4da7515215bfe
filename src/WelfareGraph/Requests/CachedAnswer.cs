namespace WelfareGraph.Requests;

/// <summary>What the cache keeps of an answer: its <c>data</c> as JSON, and the row count its audit entry records.</summary>
public sealed record CachedAnswer(string DataJson, int Rows);
