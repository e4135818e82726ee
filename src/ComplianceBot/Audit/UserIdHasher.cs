using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Audit;

/// <summary>
/// Replaces a user id with HMAC-SHA256(<c>Audit:UserIdKey</c>, user id) as 64 lowercase hex digits: the same person
/// gets the same hash under the same key, and the id cannot be recovered without the key. When no key is configured
/// one is generated (32 random bytes) and kept in <see cref="AuditOptions.UserIdKeyPath"/> (readable by the owner only).
/// The key is never logged.
/// </summary>
public sealed class UserIdHasher
{
    private readonly Lazy<byte[]> _key;

    /// <summary>Creates the hasher from the <c>Audit</c> settings; the key is read or generated on first use.</summary>
    public UserIdHasher(IOptions<AuditOptions> options, IHostEnvironment environment)
        : this(options.Value, environment.ContentRootPath)
    {
    }

    /// <summary>Creates the hasher from <paramref name="options"/>, resolving a relative key path against <paramref name="contentRoot"/>.</summary>
    public UserIdHasher(AuditOptions options, string contentRoot)
    {
        var configured = options.UserIdKey;
        var path = Path.GetFullPath(options.UserIdKeyPath, contentRoot);
        _key = new Lazy<byte[]>(() => string.IsNullOrEmpty(configured) ? ReadOrCreate(path) : Encoding.UTF8.GetBytes(configured), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The keyed hash of <paramref name="userId"/> (an empty id hashes too).</summary>
    /// <exception cref="IOException">No key is configured and the key file cannot be read or written.</exception>
    public string Hash(string? userId)
    {
        // One HMAC per thread, kept with its key set up (a one-shot HMAC set up the key and its context on every turn).
        var key = _key.Value;
        if (t_hmac is not { } hmac || !ReferenceEquals(t_hmacKey, key))
        {
            t_hmac?.Dispose();
            hmac = t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            t_hmacKey = key;
        }

        var id = userId ?? string.Empty;
        var length = Encoding.UTF8.GetMaxByteCount(id.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> bytes = rented ?? stackalloc byte[512];
        hmac.AppendData(bytes[..Encoding.UTF8.GetBytes(id, bytes)]);
        Span<byte> hash = stackalloc byte[32];
        hmac.GetHashAndReset(hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash);
    }

    [ThreadStatic]
    private static IncrementalHash? t_hmac;

    [ThreadStatic]
    private static byte[]? t_hmacKey;

    private static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(key));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim()); // another process created it first
        }
    }
}
