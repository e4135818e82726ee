using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;

namespace ComplianceBot.TeamsApp;

/// <summary>
/// Builds the Teams app package for side-loading: a zip with <c>manifest.json</c> (see <see cref="TeamsManifest"/>),
/// <c>color.png</c> and <c>outline.png</c> at its root. Before writing, the manifest is validated against the
/// Teams schema it declares (shipped in <c>TeamsApp/Assets</c>, read offline) and the icons' sizes are checked.
/// </summary>
public static class TeamsAppPackage
{
    /// <summary>File name of the colour icon in the package.</summary>
    public const string ColorIconName = "color.png";

    /// <summary>File name of the outline icon in the package.</summary>
    public const string OutlineIconName = "outline.png";

    /// <summary>Folder of the built-in icons and the schema, beside the application.</summary>
    public static string AssetsPath => Path.Combine(AppContext.BaseDirectory, "TeamsApp", "Assets");

    /// <summary>The schema file of <see cref="TeamsManifest.SchemaVersion"/>.</summary>
    public static string SchemaPath => Path.Combine(AssetsPath, $"MicrosoftTeams.v{TeamsManifest.SchemaVersion}.schema.json");

    /// <summary>
    /// Checks <paramref name="options"/> and the icons, builds and validates the manifest, and writes the zip to
    /// <paramref name="outputPath"/> (replacing it). Nothing is written when there are problems.
    /// </summary>
    /// <param name="options">Resolved options: app and bot ids filled in.</param>
    /// <param name="outputPath">The zip to write.</param>
    /// <param name="contentRoot">Base for relative icon paths.</param>
    /// <returns>The problems found, each naming the setting or manifest path and the rule broken; empty on success.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(TeamsAppOptions options, string outputPath, string contentRoot)
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[]
                 {
                     ("TeamsApp:DeveloperName", options.DeveloperName), ("TeamsApp:WebsiteUrl", options.WebsiteUrl),
                     ("TeamsApp:PrivacyUrl", options.PrivacyUrl), ("TeamsApp:TermsOfUseUrl", options.TermsOfUseUrl),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{name} is required (https URL or name of your organisation).");
            }
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(options.Version, @"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"))
        {
            problems.Add($"The package version '{options.Version}' is not MAJOR.MINOR.PATCH (e.g. 1.0.1), which Teams requires.");
        }

        if (!Guid.TryParse(options.BotId, out _))
        {
            problems.Add($"The bot id '{options.BotId}' is not a GUID: set MicrosoftAppId (or TeamsApp:BotId, --bot-id) to the bot's Microsoft App ID.");
        }

        var colorIcon = IconPath(options.ColorIcon, ColorIconName, contentRoot);
        var outlineIcon = IconPath(options.OutlineIcon, OutlineIconName, contentRoot);
        problems.AddRange(CheckIcon(colorIcon, 192, "TeamsApp:ColorIcon"));
        problems.AddRange(CheckIcon(outlineIcon, 32, "TeamsApp:OutlineIcon"));

        var manifest = TeamsManifest.Build(options).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        problems.AddRange(await ValidateAsync(manifest));
        if (problems.Count > 0)
        {
            return problems;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        File.Delete(outputPath);
        using var zip = ZipFile.Open(outputPath, ZipArchiveMode.Create);
        await using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
        {
            await writer.WriteAsync(manifest);
        }

        zip.CreateEntryFromFile(colorIcon, ColorIconName);
        zip.CreateEntryFromFile(outlineIcon, OutlineIconName);
        return [];
    }

    /// <summary>
    /// Validates manifest JSON against the shipped schema (<see cref="ManifestSchema"/>); returns one plain line per
    /// violation naming the manifest key, e.g. <c>manifest name.short is 39 characters long; Teams allows at most 30</c>.
    /// </summary>
    public static Task<IReadOnlyList<string>> ValidateAsync(string manifestJson) => ManifestSchema.ValidateAsync(manifestJson, SchemaPath);

    /// <summary>Width and height of a PNG file, read from its IHDR chunk; null when the file is not a PNG.</summary>
    public static (int Width, int Height)? PngSize(string path)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Span<byte> header = stackalloc byte[24];
        using var stream = File.OpenRead(path);
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header[..8].SequenceEqual(signature))
        {
            return null;
        }

        return (BinaryPrimitives.ReadInt32BigEndian(header[16..20]), BinaryPrimitives.ReadInt32BigEndian(header[20..24]));
    }

    private static string IconPath(string configured, string builtIn, string contentRoot) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(AssetsPath, builtIn) : Path.GetFullPath(configured, contentRoot);

    private static IEnumerable<string> CheckIcon(string path, int size, string setting)
    {
        if (!File.Exists(path))
        {
            yield return $"{setting}: {path} does not exist.";
            yield break;
        }

        var actual = PngSize(path);
        if (actual is null)
        {
            yield return $"{setting}: {path} is not a PNG file.";
        }
        else if (actual != (size, size))
        {
            yield return $"{setting}: {path} is {actual.Value.Width}x{actual.Value.Height}; Teams needs {size}x{size}.";
        }
    }
}
