namespace IndustryWeek.Shared;

/// <summary>A setting that stops the host; its message is the one line printed to the operator.</summary>
public sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupException()
    {
    }
}
