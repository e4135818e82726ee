using System.Security.Cryptography;
using System.Text;
using ComplianceBot.Audit;

namespace ComplianceBot.Tests.Audit;

/// <summary>The audit trail's user hash is HMAC-SHA256 of the id under the configured key, whatever ids and keys came before on the thread.</summary>
public sealed class UserIdHasherTests
{
    [Fact]
    public void Each_id_hashes_to_its_hmac_under_its_hashers_key()
    {
        var folder = Path.GetTempPath();
        var first = new UserIdHasher(new AuditOptions { UserIdKey = "first-key" }, folder);
        var second = new UserIdHasher(new AuditOptions { UserIdKey = "second-key" }, folder);
        string[] ids = ["user-1", "", "29:1AbC-éç-用户", new string('x', 5_000), "user-1"];

        foreach (var id in ids)
        {
            Assert.Equal(Expected("first-key", id), first.Hash(id));
            Assert.Equal(Expected("second-key", id), second.Hash(id)); // alternating keys on one thread
        }

        Assert.Equal(Expected("first-key", ""), first.Hash(null));
    }

    private static string Expected(string key, string id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(id)));
}
