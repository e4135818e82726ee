using System.Collections.Immutable;

namespace ComplianceBot.Core.Places;

/// <summary>
/// Finds the gazetteer's places in a message (leftmost, longest name first) and reads what the message says about
/// each (<see cref="PlaceRole"/>) from the words around it in its clause.
/// </summary>
/// <remarks>
/// English: "I'm (currently) in X", "we are based in X", "flying / travelling / going / moving to X", "a trip to X",
/// "visiting X" place the writer (<see cref="PlaceRole.Own"/>), unless another party is the subject ("my colleague
/// is flying to X"); "a client in X", "our team in X", "X office", "a US citizen", "X servers" are
/// <see cref="PlaceRole.ThirdParty"/>; "legal in X", "use a VPN in X", "X law", "the rules of X", "what about X", a
/// bare "X?" are the question's <see cref="PlaceRole.Setting"/>; "from X", "via X" and negated places ("I'm not in
/// X") are only <see cref="PlaceRole.Named"/>. Chinese alike: 我在/我们在/住在X, 去/到/飞/赴/出差X (own); 客户在X,
/// X的同事, X公司, X服务器 (third party); 在X (no subject), X的法律, X clause-initial (setting); 从X, 不在X (named).
/// A place that only says where a connection tool or an organisation is — "a Hong Kong VPN", "our joint venture in
/// Korea", 美国的VPN, 我们在德国的子公司 — is <see cref="PlaceRole.ThirdParty"/>, the tool's place marked
/// <see cref="PlaceMention.DescribesTool"/>; "UAE vpn rules", 美国的VPN规定 and a bare "germany vpn?" stay the setting.
/// </remarks>
internal static class PlaceReader
{
    private static readonly HashSet<string> FirstPerson = Set("i im ive ill id me my myself mine we our ours ourselves us");
    private static readonly HashSet<string> OtherSubjects = Set("he she they his her their him them someone somebody anyone everyone");
    private static readonly HashSet<string> PartyNouns = Set(
        "team teams office offices branch branches subsidiary subsidiaries affiliate affiliates client clients customer customers "
        + "partner partners colleague colleagues coworker coworkers staff employee employees contractor contractors vendor vendors "
        + "supplier suppliers company companies firm firms entity entities headquarters hq parent sister server servers site sites "
        + "website websites node nodes datacenter datacentre datacenters data cloud region bank account number sim sims esim esims "
        + "phone phones carrier carriers operator operators provider providers citizen citizens national nationals passport "
        + "passports user users people person friend friends family wife husband boss manager telecom unicom mobile ip ips "
        + "address line lines network networks app apps store resident residents visa plan plans card cards colleague's "
        + "counterpart counterparts factory factories plant plants warehouse lab labs campus vps vpses tunnel tunnels proxy proxies "
        + "host hosts hosting machine machines instance instances endpoint endpoints gateway gateways exit relay relays "
        + "venture ventures jv jvs");

    // Connection tools that a place before them may only describe ("a Hong Kong VPN"), unless the place is where the
    // question is set ("UAE vpn rules", "germany vpn?").
    private static readonly HashSet<string> ToolNouns = Set("vpn vpns proxy proxies");

    // Words that make the place after them describe the noun that follows ("a Hong Kong VPN", "my US vpn").
    private static readonly HashSet<string> Determiners = Set("a an my our your their his her its some any this that these those another");
    private static readonly HashSet<string> LawNouns = Set(
        "law laws rule rules regulation regulations legislation legal policy policies government govt authorities restrictions "
        + "ban bans jurisdiction regulator regulators legality");
    private static readonly HashSet<string> Static = Set("in at inside within into");
    private static readonly HashSet<string> Motion = Set(
        "flying fly flew flight travelling traveling travel travels going go goes heading head moving move relocating relocate "
        + "relocated trip trips commute commuting returning return back coming come transferred posted assigned sent headed");
    private static readonly HashSet<string> Visiting = Set("visiting visit visits entering enter");
    private static readonly HashSet<string> Origins = Set("from via through thru leaving left exiting transit transiting");
    private static readonly HashSet<string> Negations = Set("not dont doesnt didnt never no isnt arent wasnt werent wont cant");

    // Words between a preposition and what it belongs to ("I'm currently in", "our team is based in").
    private static readonly HashSet<string> Between = Set(
        "currently now still already right just based living staying working located live stay work be am m is are was were "
        + "will ll been being here there over out back physically mostly usually normally sometimes often also too a an the "
        + "actually presently temporarily");

    // Words that may stand around a place that is a whole answer or question ("what about HK?", "and in Japan?").
    private static readonly HashSet<string> Bare = Set(
        "what about how and or so then in the too instead though please pls plz right now next week month year tomorrow today "
        + "actually currently");

    private static readonly string[] PartyZh =
    [
        "同事", "团队", "分公司", "子公司", "公司", "办公室", "客户", "员工", "合作方", "合作伙伴", "关联公司", "总部", "服务器", "网站",
        "节点", "朋友", "家人", "用户", "号码", "手机卡", "电话卡", "卡", "银行", "人", "电信", "联通", "移动", "运营商", "供应商",
        "分部", "分行", "机构", "工厂", "门店", "厂", "居民", "护照", "他", "她", "别人", "对方", "老板",
    ];

    // What a place only describes: 我们在德国的子公司 is where the subsidiary is, not the writer; 美国的VPN is where the VPN is.
    private static readonly string[] OrganisationZh =
    [
        "子公司", "分公司", "公司", "办公室", "分部", "分行", "合资公司", "合资企业", "团队", "同事", "工厂", "机构", "门店", "客户",
        "服务器", "节点", "网站",
    ];

    // Connection tools a place before 的 only describes: 用美国的VPN (unlike 美国VPN规定, where the place is the setting).
    private static readonly string[] ToolZh = ["vpn", "梯子", "代理", "加速器", "翻墙软件"];

    private static readonly string[] LawZh = ["法律", "法规", "规定", "政策", "规则", "监管", "法", "政府"];
    private static readonly string[] NegatedZh = ["不在", "没在", "不去", "没去", "不到", "没有在", "不是在", "没有去"];
    private static readonly string[] OriginZh = ["从", "来自", "经", "经过", "途经", "离开", "转机"];
    private static readonly string[] StaticZh = ["住在", "待在", "人在", "身在", "位于", "在"];
    private static readonly string[] MotionZh = ["飞往", "前往", "回到", "出差到", "出差去", "出差", "去", "到", "飞", "赴", "来", "回", "抵达"];
    private static readonly string[] FirstPersonZh = ["我", "本人", "咱"];
    private static readonly string[] BareZh = ["那么", "那", "还有", "如果是", "如果", "要是", "在"];

    // What may follow a Chinese abbreviation ("在港工作", "去台出差") so that it is not part of another word ("到港口").
    private const string AfterChineseAbbreviation = "用工出的时期可能呢吗后前了玩旅开办住读";

    /// <summary>The places <paramref name="text"/> names, in order, with their roles.</summary>
    public static ImmutableArray<PlaceMention> Read(PlaceIndex index, string? text)
    {
        if (string.IsNullOrEmpty(text) || index.Places.Count == 0)
        {
            return [];
        }

        var tokens = PlaceIndex.Tokenize(text);
        var hasLowercase = text.Any(char.IsAsciiLetterLower);
        var mentions = ImmutableArray.CreateBuilder<PlaceMention>();
        for (var i = 0; i < tokens.Count;)
        {
            var found = index.StartingWith(tokens[i].Value).FirstOrDefault(n => Fits(n, tokens, i, text, hasLowercase));
            if (found is null)
            {
                i++;
                continue;
            }

            var place = index.Places[found.Place];
            var end = i + found.Tokens.Length;
            var role = tokens[i].Han ? ChineseRole(tokens, i, end) : EnglishRole(tokens, i, end);
            var name = text[tokens[i].Start..tokens[end - 1].End];
            var tool = role == PlaceRole.ThirdParty && (tokens[i].Han ? ChineseTool(tokens, end) : EnglishTool(tokens, i, end));
            mentions.Add(new PlaceMention(place.Id, name, place.Jurisdiction, role == PlaceRole.Own) { Role = role, DescribesTool = tool });
            i = end;
        }

        return mentions.ToImmutable();
    }

    private static bool Fits(PlaceName name, List<PlaceToken> tokens, int start, string text, bool hasLowercase)
    {
        if (start + name.Tokens.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < name.Tokens.Length; k++)
        {
            var token = tokens[start + k];
            if (token.Value != name.Tokens[k] || token.Clause != tokens[start].Clause || (name.Kind == PlaceNameKind.Capitals && !token.Upper))
            {
                return false;
            }
        }

        var end = start + name.Tokens.Length;
        if (!tokens[start].Han)
        {
            // whole words only; and a capitals-only abbreviation is no name in a message typed all in capitals
            return name.Kind != PlaceNameKind.Capitals || hasLowercase;
        }

        var at = tokens[start].Start;
        var typed = text[at..tokens[end - 1].End];
        foreach (var word in name.NotWithin)
        {
            var offset = word.IndexOf(typed, StringComparison.Ordinal);
            if (offset >= 0 && at - offset >= 0 && at - offset + word.Length <= text.Length
                && string.CompareOrdinal(text, at - offset, word, 0, word.Length) == 0)
            {
                return false;
            }
        }

        if (name.Kind != PlaceNameKind.ChineseAbbreviation)
        {
            return true;
        }

        var before = Text(tokens, ClauseStart(tokens, start), start);
        var after = Text(tokens, end, ClauseEnd(tokens, end));
        var whole = before.Length == 0 && (after.Length == 0 || after is "呢" or "吗");
        var afterPlaceWord = StaticZh.Concat(MotionZh).Any(before.EndsWith);
        return whole || (afterPlaceWord && (after.Length == 0 || AfterChineseAbbreviation.Contains(after[0]) || !tokens[end].Han));
    }

    private static PlaceRole EnglishRole(List<PlaceToken> tokens, int start, int end)
    {
        var from = ClauseStart(tokens, start);
        var prev = tokens.GetRange(from, start - from).Where(t => !t.Han).Select(t => t.Value).ToList();
        var next = tokens.GetRange(end, ClauseEnd(tokens, end) - end).Where(t => !t.Han).Select(t => t.Value).ToList();
        var role = EnglishBefore(prev, next);
        if (role == PlaceRole.Own)
        {
            return role;
        }

        var following = next.SkipWhile(w => w is "vpn" or "vpns" or "internet").FirstOrDefault();
        if (next.Count > 0 && (PartyNouns.Contains(next[0]) || next[0] == "based"))
        {
            return PlaceRole.ThirdParty; // "our Guangzhou team", "a US citizen", "HK-based"
        }

        if (EnglishTool(tokens, start, end))
        {
            return PlaceRole.ThirdParty; // "can i use a hong kong vpn": where the VPN is, not where the question is set
        }

        if (following is not null && LawNouns.Contains(following))
        {
            return PlaceRole.Setting; // "Hong Kong law", "UAE vpn rules"
        }

        return role;
    }

    // "a hong kong vpn", "my US vpn" (not "UAE vpn rules", not a bare "germany vpn?"): where the tool is.
    private static bool EnglishTool(List<PlaceToken> tokens, int start, int end)
    {
        var from = ClauseStart(tokens, start);
        var next = tokens.GetRange(end, ClauseEnd(tokens, end) - end).Where(t => !t.Han).Select(t => t.Value).ToList();
        return next.Count > 0 && ToolNouns.Contains(next[0]) && start - from > 0 && Determiners.Contains(tokens[start - 1].Value)
               && (next.Count == 1 || next[1] is "legal" || !LawNouns.Contains(next[1]));
    }

    // 美国的VPN, 香港的梯子 (not 美国的VPN规定): where the tool is.
    private static bool ChineseTool(List<PlaceToken> tokens, int end)
    {
        var after = Text(tokens, end, ClauseEnd(tokens, end));
        var afterWord = after.StartsWith('的') ? after[1..] : after;
        return after.StartsWith('的') && ToolZh.FirstOrDefault(t => afterWord.StartsWith(t, StringComparison.OrdinalIgnoreCase)) is { } tool
               && !LawZh.Any(l => afterWord[tool.Length..].StartsWith(l, StringComparison.Ordinal));
    }

    private static PlaceRole EnglishBefore(List<string> prev, List<string> next)
    {
        var k = prev.Count - 1;
        while (k >= 0 && prev[k] is "the")
        {
            k--;
        }

        if (k < 0 || prev.Take(k + 1).All(Bare.Contains))
        {
            // the place alone, or "what about Hong Kong", "and in Japan?", "HK right now"
            return k < 0 || next.All(Bare.Contains) || prev.Any(Static.Contains) ? PlaceRole.Setting : PlaceRole.Named;
        }

        var word = prev[k];
        var firstPerson = LastIndex(prev, k, FirstPerson.Contains);
        var other = LastIndex(prev, k, w => OtherSubjects.Contains(w) || PartyNouns.Contains(w));
        var negated = LastIndex(prev, k, Negations.Contains) > Math.Max(firstPerson, other) && firstPerson >= 0;
        if (Static.Contains(word))
        {
            var j = k - 1;
            while (j >= 0 && Between.Contains(prev[j]))
            {
                j--;
            }

            if (j >= 0 && (PartyNouns.Contains(prev[j]) || OtherSubjects.Contains(prev[j])))
            {
                return PlaceRole.ThirdParty; // "a client in Berlin", "our team is based in Tokyo"
            }

            if (negated)
            {
                return PlaceRole.Named; // "I'm not in China"
            }

            // the writer is there only when they are the subject right before: "I'm (currently) in", "we are based in", "I live in"
            var subject = firstPerson >= 0 && firstPerson > other && prev.Skip(firstPerson + 1).Take(k - firstPerson - 1).All(Between.Contains);
            return subject ? PlaceRole.Own : PlaceRole.Setting;
        }

        var moving = (word == "to" && k > 0 && Motion.Contains(prev[k - 1])) || Visiting.Contains(word)
                     || (word == "to" && k > 1 && Motion.Contains(prev[k - 2]) && prev[k - 1] is "back" or "out" or "over");
        if (moving)
        {
            return negated ? PlaceRole.Named : other > firstPerson ? PlaceRole.ThirdParty : PlaceRole.Own;
        }

        if (Origins.Contains(word))
        {
            return PlaceRole.Named;
        }

        if ((word == "of" && k > 0 && LawNouns.Contains(prev[k - 1])) || word is "about" or "regarding" or "for" || LawNouns.Contains(word))
        {
            return PlaceRole.Setting; // "the rules of Japan", "what's the situation regarding Taiwan", "vpn legality germany"
        }

        return PlaceRole.Named;
    }

    private static PlaceRole ChineseRole(List<PlaceToken> tokens, int start, int end)
    {
        var before = Text(tokens, ClauseStart(tokens, start), start);
        var after = Text(tokens, end, ClauseEnd(tokens, end));
        var afterWord = after.StartsWith('的') ? after[1..] : after;
        var role = ChineseBefore(before, after);
        if (role == PlaceRole.Own)
        {
            // 我们在德国的子公司: the subsidiary is there, not the writer
            return after.StartsWith('的') && OrganisationZh.Any(o => afterWord.StartsWith(o, StringComparison.Ordinal)) ? PlaceRole.ThirdParty : role;
        }

        if (PartyZh.Any(p => afterWord.StartsWith(p, StringComparison.Ordinal)) || after.StartsWith("SIM", StringComparison.OrdinalIgnoreCase)
            || ChineseTool(tokens, end))
        {
            return PlaceRole.ThirdParty; // 香港的同事, 广州团队, 日本服务器
        }

        if (LawZh.Any(l => afterWord.StartsWith(l, StringComparison.Ordinal)))
        {
            return PlaceRole.Setting; // 香港的法律, 日本法规
        }

        return role;
    }

    private static PlaceRole ChineseBefore(string before, string after)
    {
        if (before.Length == 0 || BareZh.Contains(before))
        {
            return PlaceRole.Setting; // topic first: 香港能用VPN吗; 那台湾呢
        }

        if (NegatedZh.Any(before.EndsWith))
        {
            return PlaceRole.Named;
        }

        if (OriginZh.Any(before.EndsWith))
        {
            return PlaceRole.Named;
        }

        var isStatic = StaticZh.FirstOrDefault(before.EndsWith);
        var motion = isStatic is null ? MotionZh.FirstOrDefault(before.EndsWith) : null;
        if (isStatic is null && motion is null)
        {
            return PlaceRole.Named;
        }

        var head = before[..(before.Length - (isStatic ?? motion)!.Length)];
        var firstPerson = FirstPersonZh.Select(w => head.LastIndexOf(w, StringComparison.Ordinal)).Max();
        var other = PartyZh.Select(w => head.LastIndexOf(w, StringComparison.Ordinal)).Max();
        if (other > firstPerson)
        {
            return PlaceRole.ThirdParty; // 客户在柏林, 我们的同事去香港
        }

        return isStatic is not null && firstPerson < 0 ? PlaceRole.Setting : PlaceRole.Own;
    }

    private static int LastIndex(List<string> words, int before, Func<string, bool> test)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if (test(words[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int ClauseStart(List<PlaceToken> tokens, int index)
    {
        var i = index;
        while (i > 0 && tokens[i - 1].Clause == tokens[index].Clause)
        {
            i--;
        }

        return i;
    }

    private static int ClauseEnd(List<PlaceToken> tokens, int index)
    {
        if (index >= tokens.Count)
        {
            return tokens.Count;
        }

        var clause = tokens[index - 1 < 0 ? 0 : index - 1].Clause;
        var i = index;
        while (i < tokens.Count && tokens[i].Clause == clause)
        {
            i++;
        }

        return i;
    }

    // The tokens [from, to) as text: ideographs side by side, English words as typed in lowercase ("SIM" -> "sim").
    private static string Text(List<PlaceToken> tokens, int from, int to) =>
        string.Concat(tokens.Skip(from).Take(to - from).Select(t => t.Value));

    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
