using System.Globalization;
using System.Text;

namespace ComplianceBot.Benchmarks;

/// <summary>
/// Writes a synthetic knowledge base for scale measurements: a copy of the real one (its regulations, schemas,
/// synonyms, out-of-scope groups and topics) plus generated topics, each with an English and Chinese title and answer,
/// about a dozen English and half a dozen Chinese phrasings built from the domain's vocabulary, a citation of a real
/// regulation article, and review dates. Deterministic: the same count gives the same files.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- generate 10000 /tmp/kb-10000</c>.
/// The phrasings combine an actor, an activity, an object and a place, so generated topics overlap in vocabulary the way
/// real ones do (most share "vpn", "company", "china") and only their combination tells them apart.
/// </remarks>
public static class SyntheticKnowledge
{
    private static readonly string[] ActorsEn = ["a foreign employee", "our branch office", "a contractor", "a visiting engineer", "the hotel guest", "a university lab", "a startup", "the sales team", "an expat family", "a game studio", "a trading company", "a hospital", "a law firm", "a bank branch", "a shipping agent", "a film crew"];
    private static readonly string[] ActivitiesEn = ["use", "resell", "share", "rent", "install", "configure", "host", "bridge", "encrypt", "monitor", "register", "lease", "audit", "tunnel", "route", "cache"];
    private static readonly string[] ObjectsEn = ["a leased line", "an mpls circuit", "a sd-wan box", "a proxy server", "a vpn app", "a satellite terminal", "an overseas cloud server", "a roaming sim", "a remote desktop", "a dedicated gateway", "a vps", "a corporate tunnel", "a cdn node", "an icp filing", "a data export", "a zero trust client"];
    private static readonly string[] PlacesEn = ["in shanghai", "in shenzhen", "in the free trade zone", "in beijing", "in hainan", "across the border", "in hong kong", "in guangzhou", "in chengdu", "at the airport", "in a hotel", "on campus"];
    private static readonly string[] FramesEn = ["can {0} {1} {2} {3}", "is it legal for {0} to {1} {2} {3}", "rules when {0} wants to {1} {2} {3}", "does {0} need a licence to {1} {2} {3}", "what happens if {0} {1}s {2} {3}", "{0} {1} {2} {3} allowed?", "penalty for {0} who {1}s {2} {3}", "permit needed to {1} {2} {3} for {0}", "how should {0} {1} {2} {3}", "is {0} allowed to {1} {2} {3} without approval", "compliance steps before {0} can {1} {2} {3}", "who approves {0} to {1} {2} {3}"];

    private static readonly string[] ActorsZh = ["外籍员工", "分公司", "外包商", "来访工程师", "酒店客人", "高校实验室", "初创公司", "销售团队", "外籍家庭", "游戏工作室", "贸易公司", "医院", "律师事务所", "银行网点", "船务代理", "摄制组"];
    private static readonly string[] ActivitiesZh = ["使用", "转售", "共享", "租用", "安装", "配置", "托管", "桥接", "加密", "监控", "登记", "出租", "审计", "隧道传输", "路由", "缓存"];
    private static readonly string[] ObjectsZh = ["专线", "MPLS线路", "SD-WAN设备", "代理服务器", "VPN应用", "卫星终端", "境外云服务器", "漫游卡", "远程桌面", "专用网关", "VPS", "企业隧道", "CDN节点", "ICP备案", "数据出境", "零信任客户端"];
    private static readonly string[] PlacesZh = ["在上海", "在深圳", "在自贸区", "在北京", "在海南", "跨境", "在香港", "在广州", "在成都", "在机场", "在酒店", "在校园"];
    private static readonly string[] FramesZh = ["{0}可以{3}{1}{2}吗", "{0}{3}{1}{2}合法吗", "{0}{3}{1}{2}需要许可证吗", "{0}{3}{1}{2}会被处罚吗", "{0}要{3}{1}{2}需要什么审批", "{0}{3}{1}{2}有什么规定"];

    /// <summary>
    /// Writes the real knowledge base of <paramref name="realKnowledge"/> plus <paramref name="topics"/> generated topics
    /// into <paramref name="target"/> (created; emptied first) and returns it.
    /// </summary>
    public static string Write(string realKnowledge, int topics, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Copy(realKnowledge, target);
        var folder = Path.Combine(target, "topics");
        for (var i = 0; i < topics; i++)
        {
            File.WriteAllText(Path.Combine(folder, Id(i) + ".yaml"), Topic(i), Encoding.UTF8);
        }

        return target;
    }

    /// <summary>The id of generated topic <paramref name="i"/>.</summary>
    public static string Id(int i) => "synthetic-" + i.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>An English question close to one of generated topic <paramref name="i"/>'s phrasings (a paraphrase, not a copy).</summary>
    public static string Question(int i)
    {
        var (a, b, c, d) = Parts(i);
        return $"may {ActorsEn[a]} {ActivitiesEn[b]} {ObjectsEn[c]} {PlacesEn[d]}?";
    }

    /// <summary>A Chinese question close to one of generated topic <paramref name="i"/>'s phrasings.</summary>
    public static string QuestionZh(int i)
    {
        var (a, b, c, d) = Parts(i);
        return $"请问{ActorsZh[a]}{PlacesZh[d]}{ActivitiesZh[b]}{ObjectsZh[c]}可以吗";
    }

    // Topic i's actor, activity, object and place: distinct combinations for up to 16 × 16 × 16 × 12 topics.
    private static (int Actor, int Activity, int Object, int Place) Parts(int i)
    {
        var n = (i * 7919L) % (16 * 16 * 16 * 12); // spread neighbours apart
        return ((int)(n % 16), (int)(n / 16 % 16), (int)(n / 256 % 16), (int)(n / 4096 % 12));
    }

    private static string Topic(int i)
    {
        var (a, b, c, d) = Parts(i);
        var yaml = new StringBuilder();
        yaml.AppendLine("# yaml-language-server: $schema=../schema/topic.schema.json");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"id: {Id(i)}");
        yaml.AppendLine("version: 1");
        yaml.AppendLine("title:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  en: When {ActorsEn[a]} wants to {ActivitiesEn[b]} {ObjectsEn[c]} {PlacesEn[d]}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  zh: {ActorsZh[a]}{PlacesZh[d]}{ActivitiesZh[b]}{ObjectsZh[c]}");
        yaml.AppendLine("audience: [individual, enterprise]");
        yaml.AppendLine("answer:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  en: Synthetic answer {i} for benchmarks about how {ActorsEn[a]} may {ActivitiesEn[b]} {ObjectsEn[c]} {PlacesEn[d]}; ask the compliance team.");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  zh: 用于基准测试的合成答案{i}：{ActorsZh[a]}{PlacesZh[d]}{ActivitiesZh[b]}{ObjectsZh[c]}，请咨询合规团队。");
        yaml.AppendLine("phrasings:");
        yaml.AppendLine("  en:");
        for (var f = 0; f < FramesEn.Length; f++)
        {
            // Each phrasing varies one part, so a topic's phrasings share most words with one another and some with other topics.
            (int pa, int pb, int pc, int pd) = (f % 4) switch
            {
                0 => (a, b, c, d),
                1 => (a, b, c, (d + f) % PlacesEn.Length),
                2 => ((a + f) % ActorsEn.Length, b, c, d),
                _ => (a, b, c, d),
            };
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    - \"{string.Format(CultureInfo.InvariantCulture, FramesEn[f], ActorsEn[pa], ActivitiesEn[pb], ObjectsEn[pc], PlacesEn[pd])}\"");
        }

        yaml.AppendLine("  zh:");
        foreach (var frame in FramesZh)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    - \"{string.Format(CultureInfo.InvariantCulture, frame, ActorsZh[a], ActivitiesZh[b], ObjectsZh[c], PlacesZh[d])}\"");
        }

        yaml.AppendLine("citations:");
        yaml.AppendLine("  - regulation: interim-provisions-international-networking");
        yaml.AppendLine("    articles: [\"6\"]");
        yaml.AppendLine("last_reviewed: 2026-11-29");
        yaml.AppendLine("review_by: 2027-05-29");
        return yaml.ToString();
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(source))
        {
            if (Path.GetFileName(folder) != "tests") // conversation scripts name the real topics' answers; not content
            {
                Copy(folder, Path.Combine(target, Path.GetFileName(folder)));
            }
        }
    }
}
