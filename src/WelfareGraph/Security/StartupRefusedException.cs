namespace WelfareGraph.Security;

/// <summary>The server will not start as configured; its message says what to configure. Program prints it and exits.</summary>
public sealed class StartupRefusedException(string message) : InvalidOperationException(message);
