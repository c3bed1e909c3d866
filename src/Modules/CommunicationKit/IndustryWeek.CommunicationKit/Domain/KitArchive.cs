namespace IndustryWeek.CommunicationKit.Domain;

/// <summary>The built kit (a zip) of an event, kept for download and for the mails' attachments.</summary>
internal sealed class KitArchive
{
    private KitArchive()
    {
    }

    public Guid EventId { get; private set; }

    /// <summary>The <see cref="Kit.ContentFingerprint"/> it was built for.</summary>
    public string Fingerprint { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTime BuiltAtUtc { get; private set; }

    public static KitArchive Of(Kit kit, string fileName, byte[] content, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(kit);
        return new KitArchive { EventId = kit.EventId, Fingerprint = kit.ContentFingerprint, FileName = fileName, Content = content, BuiltAtUtc = nowUtc };
    }

    public void Replace(Kit kit, string fileName, byte[] content, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(kit);
        Fingerprint = kit.ContentFingerprint;
        FileName = fileName;
        Content = content;
        BuiltAtUtc = nowUtc;
    }
}
