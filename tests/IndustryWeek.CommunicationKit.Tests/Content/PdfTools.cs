using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using IndustryWeek.CommunicationKit.Content;

namespace IndustryWeek.CommunicationKit.Tests.Content;

/// <summary>One word poppler found on a page, with its box in points from the top-left corner.</summary>
internal sealed record PdfWord(string Text, double XMin, double YMin, double XMax, double YMax);

/// <summary>
/// Reads the kit's PDFs the way an organiser's tools do, with Debian's poppler-utils (pdftotext,
/// pdfinfo, pdftoppm) and zbar-tools (zbarimg): what they extract is what a reader gets.
/// </summary>
internal sealed class PdfTools : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<KitFonts> Fonts = new(() =>
    {
        var fonts = KitFonts.Find(null, null, out var problem)
            ?? throw new InvalidOperationException("The kit's PDFs need a TrueType font: " + problem);
        return KitFonts.Install(fonts.Regular, fonts.Bold);
    });

    private readonly string _directory = Directory.CreateTempSubdirectory("kit-pdf-").FullName;

    public PdfTools() => InstallFonts();

    /// <summary>Makes the kit's fonts available to PDFsharp, as the module does at start-up (once per process).</summary>
    public static void InstallFonts() => _ = Fonts.Value;

    public string Save(byte[] pdf, string name = "document.pdf")
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>The page's text as pdftotext lays it out.</summary>
    public static string Text(string pdfPath) => Run("pdftotext", "poppler-utils", "-layout", "-enc", "UTF-8", pdfPath, "-");

    /// <summary>Every word of the PDF with its bounding box (pdftotext -bbox).</summary>
    public static IReadOnlyList<PdfWord> Words(string pdfPath)
    {
        var html = Run("pdftotext", "poppler-utils", "-bbox", "-enc", "UTF-8", pdfPath, "-");
        // The output is XHTML; its DOCTYPE names a DTD that must not be fetched.
        var start = html.IndexOf("<html", StringComparison.Ordinal);
        var document = XDocument.Parse(html[start..]);
        return document.Descendants().Where(e => e.Name.LocalName == "word")
            .Select(e => new PdfWord(
                e.Value,
                Number(e, "xMin"),
                Number(e, "yMin"),
                Number(e, "xMax"),
                Number(e, "yMax")))
            .ToList();
    }

    /// <summary>pdfinfo's « Pages: » and « Page size: » lines.</summary>
    public static (int Pages, double Width, double Height) Info(string pdfPath)
    {
        var info = Run("pdfinfo", "poppler-utils", pdfPath);
        var lines = info.Split('\n').Select(l => l.Trim()).ToList();
        var pages = int.Parse(Value(lines, "Pages:"), CultureInfo.InvariantCulture);
        var size = Value(lines, "Page size:").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (pages, double.Parse(size[0], CultureInfo.InvariantCulture), double.Parse(size[2], CultureInfo.InvariantCulture));
    }

    /// <summary>The text of the QR code(s) on the page, as a phone's camera would read it.</summary>
    public string DecodeQrCodes(string pdfPath)
    {
        var image = Path.Combine(_directory, Path.GetFileNameWithoutExtension(pdfPath));
        Run("pdftoppm", "poppler-utils", "-png", "-r", "150", "-singlefile", pdfPath, image);
        return Run("zbarimg", "zbar-tools", "-q", "--raw", image + ".png").TrimEnd('\n', '\r');
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static double Number(XElement word, string attribute) =>
        double.Parse(word.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static string Value(IEnumerable<string> lines, string key) =>
        lines.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim();

    private static string Run(string program, string debianPackage, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"The kit's PDF tests need {program}: apt-get install -y {debianPackage} ({e.Message}).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} took more than {Timeout.TotalSeconds:0} s.");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors.Result}");
            }

            return output.Result;
        }
    }
}
