// CPU per turn of the SQLite store alone (one read of a conversation's state, one conditional write back), no HTTP:
//   dotnet run bench/store/turn-cost.cs            # one loop
//   dotnet run bench/store/turn-cost.cs -- 32      # 32 concurrent loops (as many as the load script's connections)
// Prints the process CPU time per read+write, three rounds of 10,240 turns after a warm-up, on a fresh file in /tmp.
#:project ../../src/ComplianceBot/ComplianceBot.csproj
#:property Configuration=Release
using System.Diagnostics;
using ComplianceBot.Storage;

var loops = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1;
var folder = Path.Combine(Path.GetTempPath(), "store-turn-cost-" + Guid.NewGuid().ToString("N"));
await using (var store = new SqliteStore("Data Source=state.db", folder, TimeProvider.System))
{
    await store.InitializeAsync();
    var json = "{\"schemaVersion\":1,\"language\":\"en\",\"lastTopic\":\"gifts\",\"pad\":\"" + new string('x', 600) + "\"}";

    async Task Turns(int count, int loop)
    {
        for (var i = 0; i < count; i++)
        {
            var key = $"conversations/bench/c{loop}-{i % 30}";
            var read = await store.ReadAsync([key]);
            var etag = read.TryGetValue(key, out var item) ? ((StoredDocument)item).ETag : null;
            await store.WriteAsync(new Dictionary<string, object> { [key] = new StoredDocument(json, etag) });
        }
    }

    Task All(int perLoop) => Task.WhenAll(Enumerable.Range(0, loops).Select(loop => Task.Run(() => Turns(perLoop, loop))));

    await All(3000 / loops);
    for (var round = 0; round < 3; round++)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        await All(10240 / loops);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        Console.WriteLine($"{loops} loop(s): read + write per turn {cpu.TotalMilliseconds / (10240 / loops * loops):F3} ms CPU");
    }
}

Directory.Delete(folder, recursive: true);
