using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Faults;

/// <summary>What a fault test watches, read from the database and the mail folder as operators and users would see it.</summary>
internal sealed record Progress(long Granted, long Pins, int MailFiles, long OutboxPending, long JobsUnfinished)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Granted} labellisés, {Pins} épingles, {MailFiles} courriels, {OutboxPending} messages en attente, {JobsUnfinished} tâches non terminées");
}

/// <summary>The kit mails found: how many per label number, and the files that are not a readable kit mail.</summary>
internal sealed record KitMails(IReadOnlyDictionary<string, int> PerLabel, IReadOnlyList<string> Unreadable, IReadOnlyList<string> Others)
{
    public int Duplicates => PerLabel.Values.Sum(n => n - 1);
}

/// <summary>
/// A database with submitted applications, real host processes working on it, and what they leave
/// behind (applications, outbox, operators' job records, pins, mails) for the fault-tolerance tests.
/// </summary>
internal sealed partial class FaultScene(TestDatabase database, string? mailDirectory = null)
{
    public const string KitJob = "communication-kit.deliver";
    public const string PinJob = "map.publish-pin";

    private static readonly Dictionary<string, string?> Seeding = new() { ["Outbox:DispatcherEnabled"] = "false" };

    private readonly Dictionary<string, string?> _kitMailCache = [];
    private IReadOnlyList<string>? _outboxTables;

    public TestDatabase Database => database;

    public string MailDirectory { get; } = mailDirectory ?? Path.Combine(database.Directory, "mail");

    /// <summary>The host's settings: this database, mails to <see cref="MailDirectory"/>, quick job retries, and <paramref name="extra"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Settings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = PlatformFactory.SettingsFor(database, MailDirectory).ToDictionary(s => s.Key, s => s.Value);
        settings["Jobs:RetryFirstDelay"] = "00:00:01";
        settings["Jobs:RetryMaxDelay"] = "00:00:05";
        settings["Jobs:RetryAttempts"] = "20";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return [.. settings];
    }

    public HostProcess StartHost(IReadOnlyDictionary<string, string?>? extra = null) => HostProcess.Start(database.Directory, Settings(extra));

    /// <summary>The administrator (a moderator everywhere) signed in on <paramref name="host"/> with a bearer token.</summary>
    public static async Task<HttpClient> SignInAsync(HostProcess host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(100);
        var login = await client.PostAsJsonAsync("/api/identity/login", new { email = PlatformFactory.AdminEmail, password = PlatformFactory.AdminPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// <paramref name="count"/> submitted events, each becoming a pending application: Registration's
    /// EventSubmitted published in an in-process host (as its dispatcher would), which is then stopped.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SeedAsync(int count)
    {
        var submissions = Enumerable.Range(1, count)
            .Select(i => SampleEvents.FactoryVisit(title: string.Create(CultureInfo.InvariantCulture, $"Visite d'usine n° {i}")))
            .ToList();
        await using (var platform = new PlatformFactory(database, Seeding))
        {
            _ = platform.Services;
            await Parallel.ForEachAsync(submissions, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (s, _) => await platform.PublishAsync(s));
        }

        Assert.Equal(count, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_applications WHERE "Status" = 'Pending'"""));
        return [.. submissions.Select(s => s.EventId)];
    }

    public async Task<IReadOnlyList<Guid>> PendingAsync() =>
        await GuidsAsync("""SELECT "Id" FROM labelling_applications WHERE "Status" = 'Pending' ORDER BY "SubmittedAtUtc", "Id" """);

    public async Task<IReadOnlyList<Guid>> GrantedAsync() =>
        await GuidsAsync("""SELECT "Id" FROM labelling_applications WHERE "Status" = 'Granted'""");

    /// <summary>
    /// Grants <paramref name="ids"/> through the bulk endpoint, <paramref name="chunk"/> at a time, as a
    /// moderator working through the queue. Stops quietly when the host goes away (a kill, a restart).
    /// </summary>
    /// <returns>How many the answers said were granted.</returns>
    public static async Task<int> BulkGrantAsync(HttpClient moderator, IReadOnlyList<Guid> ids, int chunk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(moderator);
        ArgumentNullException.ThrowIfNull(ids);
        var granted = 0;
        foreach (var selection in ids.Chunk(chunk))
        {
            try
            {
                using var response = await moderator.PostAsJsonAsync("/api/labelling/applications/bulk-grant", new { ids = selection }, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return granted; // e.g. the database went away under the request: the moderator tries again later
                }

                granted += (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("granted").GetInt32();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return granted;
            }
        }

        return granted;
    }

    public async Task<Progress> ProgressAsync() => new(
        await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_applications WHERE "Status" = 'Granted'"""),
        await database.ScalarAsync("SELECT COUNT(*) FROM map_pins"),
        MailFiles().Count,
        await OutboxPendingAsync(),
        await database.ScalarAsync("""SELECT COUNT(*) FROM platform_jobs WHERE NOT "Recurring" AND "State" <> 'Succeeded'"""));

    public IReadOnlyList<string> MailFiles() =>
        Directory.Exists(MailDirectory) ? Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Every message of every module's outbox not yet handled (failed ones included).</summary>
    public async Task<long> OutboxPendingAsync()
    {
        long pending = 0;
        foreach (var table in await OutboxTablesAsync())
        {
            pending += await database.ScalarAsync($"""SELECT COUNT(*) FROM {table} WHERE "ProcessedAtUtc" IS NULL""");
        }

        return pending;
    }

    public async Task<IReadOnlyList<string>> OutboxTablesAsync() =>
        _outboxTables ??= await StringsAsync(database.IsPostgres
            ? """SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '%\_outbox' ORDER BY table_name"""
            : """SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%\_outbox' ESCAPE '\' ORDER BY name""");

    /// <summary>
    /// Whatever moment the host died at, nothing is half-written: each application is granted (with a
    /// label number of its own and its LabelGranted message, committed together) or still pending.
    /// </summary>
    public async Task AssertNothingHalfWrittenAsync(int applications)
    {
        Assert.Equal(applications, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_applications WHERE "Status" IN ('Pending', 'Granted')"""));
        Assert.Equal(0, await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_applications WHERE ("Status" = 'Granted') <> ("LabelNumber" IS NOT NULL)"""));
        Assert.Equal(
            await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_applications WHERE "Status" = 'Granted'"""),
            await database.ScalarAsync("""SELECT COUNT(*) FROM labelling_outbox WHERE "Type" LIKE '%.LabelGranted,%'"""));
        Assert.Equal(0, await database.ScalarAsync("""SELECT COUNT(*) FROM (SELECT "LabelNumber" FROM labelling_applications WHERE "LabelNumber" IS NOT NULL GROUP BY "LabelNumber" HAVING COUNT(*) > 1) twice"""));
    }

    /// <summary>The label numbers given, by event.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> LabelsAsync()
    {
        var labels = new Dictionary<Guid, string>();
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "LabelNumber" FROM labelling_applications WHERE "LabelNumber" IS NOT NULL""";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            labels[reader.GetGuid(0)] = reader.GetString(1);
        }

        return labels;
    }

    /// <summary>Reads every mail file (each once): the kit mails by the label number in their subject.</summary>
    public KitMails ReadKitMails()
    {
        var perLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        var others = new List<string>();
        foreach (var file in MailFiles())
        {
            if (!_kitMailCache.TryGetValue(file, out var label))
            {
                try
                {
                    var mail = MailFile.Read(file);
                    label = KitSubject().Match(mail.Subject) is { Success: true } m ? m.Groups[1].Value : "";
                    _kitMailCache[file] = label;
                }
                catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException)
                {
                    label = null;
                }
            }

            if (label is null)
            {
                unreadable.Add(Path.GetFileName(file));
            }
            else if (label.Length == 0)
            {
                others.Add(Path.GetFileName(file));
            }
            else
            {
                perLabel[label] = perLabel.GetValueOrDefault(label) + 1;
            }
        }

        return new KitMails(perLabel, unreadable, others);
    }

    /// <summary>The operators' record of one job type's runs: how many attempts ended each way.</summary>
    public async Task<IReadOnlyDictionary<string, long>> AttemptsByResultAsync(string jobType)
    {
        var results = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT a."Result", COUNT(*) FROM platform_job_attempts a JOIN platform_jobs j ON j."Id" = a."JobId"
            WHERE j."Type" = '{jobType}' GROUP BY a."Result"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            results[reader.GetString(0)] = reader.GetInt64(1);
        }

        return results;
    }

    /// <summary>
    /// For a test that gave up waiting: each job not finished, its attempts, and on PostgreSQL its Hangfire job's state
    /// history and queue entry, so that a failure says where the work stopped.
    /// </summary>
    public async Task<string> DescribeUnfinishedJobsAsync()
    {
        var lines = new List<string>();
        var jobs = await database.ValuesAsync(
            """SELECT "Id", "Type", "Key", "State", "Attempts", COALESCE("HangfireJobId", '-'), COALESCE("LastError", '') FROM platform_jobs WHERE NOT "Recurring" AND "State" <> 'Succeeded'""",
            r => (Id: r.GetInt64(0), Text: $"{r.GetString(1)} {r.GetString(2)}: {r.GetString(3)}, {r.GetInt32(4)} tentative(s), Hangfire {r.GetString(5)}, {r.GetString(6)[..Math.Min(400, r.GetString(6).Length)]}", HangfireId: r.GetString(5)));
        foreach (var job in jobs)
        {
            lines.Add(job.Text);
            lines.AddRange(await database.ValuesAsync(
                string.Create(CultureInfo.InvariantCulture, $"""SELECT "Result", "Node", "StartedAtUtc", "FinishedAtUtc" FROM platform_job_attempts WHERE "JobId" = {job.Id} ORDER BY "Id" """),
                r => $"  tentative {r.GetValue(0)} sur {r.GetValue(1)} de {r.GetValue(2)} à {r.GetValue(3)}"));
            if (database.IsPostgres && long.TryParse(job.HangfireId, CultureInfo.InvariantCulture, out var hangfireId))
            {
                lines.AddRange(await database.ValuesAsync(
                    string.Create(CultureInfo.InvariantCulture, $"""SELECT name, createdat, COALESCE(reason, '') FROM hangfire.state WHERE jobid = {hangfireId} ORDER BY id"""),
                    r => $"  Hangfire : {r.GetValue(0)} à {r.GetValue(1)} {r.GetValue(2)}"));
                lines.AddRange(await database.ValuesAsync(
                    string.Create(CultureInfo.InvariantCulture, $"""SELECT queue, COALESCE(fetchedat::text, 'non prise') FROM hangfire.jobqueue WHERE jobid = {hangfireId}"""),
                    r => $"  file {r.GetValue(0)}, prise : {r.GetValue(1)}"));
            }
        }

        return string.Join('\n', lines);
    }

    public static string Describe(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "aucune" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    /// <summary>
    /// Every job ran once per attempt: no job succeeded twice, and no two runs of one job overlapped in
    /// time (a run is only ever taken over from a host that died, whose attempt stays open as Interrupted).
    /// </summary>
    public async Task AssertEachJobRanOnceAtATimeAsync()
    {
        Assert.Equal(0, await database.ScalarAsync("""
            SELECT COUNT(*) FROM (SELECT "JobId" FROM platform_job_attempts WHERE "Result" = 'Succeeded' GROUP BY "JobId" HAVING COUNT(*) > 1) twice
            """));
        Assert.Equal(0, await database.ScalarAsync("""
            SELECT COUNT(*) FROM platform_job_attempts a JOIN platform_job_attempts b
              ON a."JobId" = b."JobId" AND a."Id" < b."Id"
            WHERE a."FinishedAtUtc" IS NOT NULL AND b."FinishedAtUtc" IS NOT NULL
              AND a."StartedAtUtc" < b."FinishedAtUtc" AND b."StartedAtUtc" < a."FinishedAtUtc"
            """));
        Assert.Equal(0, await database.ScalarAsync("""SELECT COUNT(*) FROM platform_job_attempts WHERE "Result" = 'Running'"""));
        Assert.Equal(0, await database.ScalarAsync("""
            SELECT COUNT(*) FROM platform_jobs j
            WHERE j."Attempts" <> (SELECT COUNT(*) FROM platform_job_attempts a WHERE a."JobId" = j."Id")
            """));
    }

    private Task<IReadOnlyList<Guid>> GuidsAsync(string sql) => database.ValuesAsync(sql, r => r.GetGuid(0));

    private Task<IReadOnlyList<string>> StringsAsync(string sql) => database.ValuesAsync(sql, r => r.GetString(0));

    [GeneratedRegex(@"est labellisé \((SDI-\d{4}-\d{6})\) : votre kit de communication")]
    private static partial Regex KitSubject();
}
