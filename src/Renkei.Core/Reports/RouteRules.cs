using System.Text.Json;

namespace Renkei.Reports;

/// <summary>Who learns the reporter's identity on a hop.</summary>
public enum HopDisclosure
{
    /// <summary>The hop sees who reported.</summary>
    Disclosed,
    /// <summary>The relaying secretariat or agency: sees who reported and answers for them.</summary>
    Holder,
    /// <summary>The hop sees only the pseudonym.</summary>
    Anonymised,
}

/// <summary>A report passed outside its route (000 l.1811–1815).</summary>
public enum ReferralKind
{
    /// <summary>犯罪被害等の通報: to the police.</summary>
    CrimeReport,
    /// <summary>連携要請: to an incident-handling agency (事案対処省庁).</summary>
    LiaisonRequest,
}

/// <summary>Who may make a referral.</summary>
public enum ReferralMaker
{
    /// <summary>The reporting organisation's reporters.</summary>
    Reporter,
    /// <summary>Any desk the report reached.</summary>
    Desk,
    /// <summary>NISC's desk, once the report reached it.</summary>
    NationalCentre,
    /// <summary>The ministry in charge's desk, once the report reached it.</summary>
    Ministry,
}

public sealed record HopRule(HopRole Role, HopDisclosure Disclosure, bool AtSubmission = false);

public sealed record RouteRule(ReportRoute Route, bool Anonymisable, IReadOnlyList<HopRule> Hops, IReadOnlyList<HopRule>? LegallyRequiredHops, string Source);

public sealed record ReferralRule(ReferralKind Kind, string NameJa, string NameEn, IReadOnlyList<string> Agencies, IReadOnlyList<ReferralMaker> MadeBy, string Source);

public sealed record AnonymisationRule(bool AllowedWhenLegallyRequired, IReadOnlyList<ReportKind> NeverLegallyRequiredKinds, string Source);

public sealed record SecurityAgencyEntry(string Code, string Source);

/// <summary>
/// The contact routes, the security agencies that relay, referrals and the anonymity rules,
/// shipped as <c>Reports/Data/routes.json</c> with the seed lines they come from.
/// </summary>
/// <remarks>
/// The seed (000 l.1837–1847) allows anonymisation for near misses and events outside legal
/// obligation only; a report the law obliges goes to the ministry in charge with the reporter
/// named. The planner applies these rules; nothing about who sees whom is decided in code.
/// </remarks>
public sealed class RouteRules
{
    private sealed record File(AnonymisationRule Anonymisation, IReadOnlyList<RouteRule> Routes, IReadOnlyList<SecurityAgencyEntry> SecurityAgencies, IReadOnlyList<ReferralRule> Referrals);

    public static RouteRules Instance { get; } = Load();

    private readonly File _file;

    private RouteRules(File file) => _file = file;

    public AnonymisationRule Anonymisation => _file.Anonymisation;

    public IReadOnlyList<RouteRule> Routes => _file.Routes;

    /// <summary>Organisation codes of the security agencies (情報セキュリティ関係機関) a report may go via.</summary>
    public IReadOnlyList<string> SecurityAgencies => _file.SecurityAgencies.Select(a => a.Code).ToList();

    public IReadOnlyList<ReferralRule> Referrals => _file.Referrals;

    public RouteRule Route(ReportRoute route) => _file.Routes.Single(r => r.Route == route);

    public ReferralRule Referral(ReferralKind kind) => _file.Referrals.Single(r => r.Kind == kind);

    /// <summary>Whether a report of this kind and obligation may travel with its reporter anonymised.</summary>
    public bool MayAnonymise(ReportContent content) => !content.LegallyRequired || _file.Anonymisation.AllowedWhenLegallyRequired;

    /// <summary>Whether the kind is by definition outside legal obligation (a near miss).</summary>
    public bool NeverLegallyRequired(ReportKind kind) => _file.Anonymisation.NeverLegallyRequiredKinds.Contains(kind);

    private static RouteRules Load()
    {
        using var stream = typeof(RouteRules).Assembly.GetManifestResourceStream("Renkei.Reports.routes.json")
            ?? throw new InvalidDataException("routes.json is not embedded.");
        var file = JsonSerializer.Deserialize<File>(stream, ReportJson.Options) ?? throw new InvalidDataException("routes.json is empty.");
        foreach (var route in Enum.GetValues<ReportRoute>())
        {
            if (file.Routes.Count(r => r.Route == route) != 1)
            {
                throw new InvalidDataException($"routes.json must describe the route '{route}' once.");
            }
        }
        foreach (var kind in Enum.GetValues<ReferralKind>())
        {
            if (file.Referrals.Count(r => r.Kind == kind) != 1)
            {
                throw new InvalidDataException($"routes.json must describe the referral '{kind}' once.");
            }
        }
        if (file.Routes.SelectMany(r => r.Hops.Concat(r.LegallyRequiredHops ?? [])).Any(h => h.Role is HopRole.CrimeReport or HopRole.LiaisonRequest))
        {
            throw new InvalidDataException("routes.json: referral roles are not route hops.");
        }
        return new RouteRules(file);
    }
}
