namespace IndustryWeek.Shared.Jobs;

/// <summary>
/// The embedded SQLite default is for one process: an exclusive lock on a file beside the jobs' storage, held
/// while this process uses the database and released by the system when it ends (even killed), says whether
/// another live process uses it. Taken by the host at start-up (JobsStartup) and by `seed-demo`.
/// </summary>
public sealed class SqliteProcessLock(string file) : IDisposable
{
    private FileStream? _lock;

    public string File => file;

    /// <returns>Whether this process now holds the lock (false: another live process holds it).</returns>
    public bool TryTake()
    {
        if (_lock is not null)
        {
            return true;
        }

        try
        {
            _lock = new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose() => _lock?.Dispose();
}
