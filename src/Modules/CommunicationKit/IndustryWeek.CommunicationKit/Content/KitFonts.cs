using PdfSharp.Fonts;

namespace IndustryWeek.CommunicationKit.Content;

/// <summary>
/// The TrueType fonts the kit's PDFs are drawn with (PDFsharp needs a resolver on Linux, RECIPES.md):
/// `CommunicationKit:Fonts:Regular` / `:Bold` when configured, otherwise DejaVu Sans or Liberation
/// Sans from the system (Debian's fonts-dejavu-core, fonts-liberation2). Both carry every French accent.
/// </summary>
internal sealed class KitFonts : IFontResolver
{
    public const string Family = "Kit Sans";

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    ];

    private static readonly Lock Gate = new();
    private static KitFonts? _installed;

    private readonly byte[] _regular;
    private readonly byte[] _bold;

    private KitFonts(string regularPath, string boldPath)
    {
        RegularPath = regularPath;
        BoldPath = boldPath;
        _regular = File.ReadAllBytes(regularPath);
        _bold = File.ReadAllBytes(boldPath);
    }

    public string RegularPath { get; }

    public string BoldPath { get; }

    /// <summary>The font files to use, or null with what is missing.</summary>
    public static (string Regular, string Bold)? Find(string? regular, string? bold, out string problem)
    {
        problem = "";
        if (!string.IsNullOrWhiteSpace(regular) || !string.IsNullOrWhiteSpace(bold))
        {
            var missing = new[] { regular, bold }.Where(p => string.IsNullOrWhiteSpace(p) || !File.Exists(p)).ToList();
            if (missing.Count == 0)
            {
                return (regular!, bold!);
            }

            problem = $"Configuration invalide : CommunicationKit:Fonts:Regular et CommunicationKit:Fonts:Bold doivent désigner deux fichiers TrueType existants (introuvable : {string.Join(", ", missing.Select(p => string.IsNullOrWhiteSpace(p) ? "(non renseigné)" : p))}).";
            return null;
        }

        foreach (var candidate in Candidates)
        {
            if (File.Exists(candidate.Regular) && File.Exists(candidate.Bold))
            {
                return candidate;
            }
        }

        problem = "Aucune police TrueType pour les PDF du kit : installez fonts-dejavu-core (ou fonts-liberation2), ou indiquez CommunicationKit:Fonts:Regular et :Bold.";
        return null;
    }

    /// <summary>Installs the resolver once per process (PDFsharp's settings are global) and accepts PDFsharp's AGPL licence.</summary>
    public static KitFonts Install(string regularPath, string boldPath)
    {
        lock (Gate)
        {
            if (_installed is null)
            {
                PdfSharp.PdfSharpLicense.SetAgplLicense();
                _installed = new KitFonts(regularPath, boldPath);
                GlobalFontSettings.FontResolver = _installed;
            }

            return _installed;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "kit-bold" : "kit-regular");

    public byte[]? GetFont(string faceName) => faceName == "kit-bold" ? _bold : _regular;
}
