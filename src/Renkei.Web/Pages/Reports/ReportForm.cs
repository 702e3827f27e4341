using System.Globalization;
using Renkei.Access;
using Renkei.Common;
using Renkei.Indicators;
using Renkei.Reports;

namespace Renkei.Web.Pages.Reports;

/// <summary>
/// The report form as a browser posts it, named like the API's fields (so the service's field
/// errors land next to their inputs). Times are typed in JST; the service stores UTC.
/// </summary>
public sealed class ReportForm
{
    public ContentForm Content { get; set; } = new();
    public ReportRoute? Route { get; set; }
    public string? ViaCeptoar { get; set; }
    public string? ViaAgency { get; set; }
    public Tlp? Tlp { get; set; }
    public bool ShareWithSector { get; set; }

    /// <summary>CEPTOAR and security-agency routes: anonymise the reporter (ticked by default).</summary>
    public bool Anonymise { get; set; } = true;

    /// <summary>Updates only: 続報 or 確報.</summary>
    public ReportStage? Stage { get; set; }
    public int? Version { get; set; }

    public ReportInput ToInput(ContentInputs content) => new()
    {
        Content = content.Input,
        Route = Route,
        // Only the relay of the chosen route travels: a CEPTOAR left selected under another route is ignored.
        ViaCeptoar = Route == ReportRoute.Ceptoar ? ViaCeptoar : null,
        ViaAgency = Route == ReportRoute.SecurityAgency ? ViaAgency : null,
        Tlp = Tlp,
        ShareWithSector = ShareWithSector,
        // Only routes that can anonymise read the box; the rules refuse anonymising a law-obliged report.
        Anonymise = Route is ReportRoute.Ceptoar or ReportRoute.SecurityAgency ? Anonymise : null,
        Version = Version,
    };

    public static ReportForm From(ReportView view) => new()
    {
        Content = ContentForm.From(view.Content),
        Route = view.Route,
        ViaCeptoar = view.ViaCeptoar?.Code,
        ViaAgency = view.ViaAgency?.Code,
        Tlp = view.Tlp,
        ShareWithSector = view.SharedWithSector,
        Anonymise = view.Anonymous || view.Route is not (ReportRoute.Ceptoar or ReportRoute.SecurityAgency),
        Version = view.Version,
    };
}

/// <summary>The content input, and which form row each sent indicator came from (blank rows are not sent).</summary>
public sealed record ContentInputs(ReportContentInput Input, IReadOnlyList<int> IndicatorRows);

public sealed class ContentForm
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm";
    private static readonly string[] TimeFormats = [TimeFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm"];

    public string? Language { get; set; }
    public string? Title { get; set; }
    public ReportKind? Kind { get; set; }
    public string? ThreatCategory { get; set; }
    public string? ThreatSubtype { get; set; }
    public List<string> ThreatExamples { get; set; } = [];
    public List<AffectedSystem> AffectedSystems { get; set; } = [];
    public string? Service { get; set; }
    public string? SectorCode { get; set; }
    public string? BusinessScopeCode { get; set; }
    public string? Status { get; set; }
    public string? InterimMeasures { get; set; }
    public string? Cause { get; set; }
    public string? Countermeasures { get; set; }
    public string? RecoveryOutlook { get; set; }
    public ImpactForm Impact { get; set; } = new();

    /// <summary>Answers to the verification level's qualitative conditions, by condition code.</summary>
    public Dictionary<string, FactAnswer?> VerificationFacts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>JST, as typed (datetime-local: 2025-06-01T09:30).</summary>
    public string? AwareAt { get; set; }
    public string? StartedAt { get; set; }
    public string? EndedAt { get; set; }
    public bool LegallyRequired { get; set; }
    public string? LegalBasis { get; set; }
    public List<IndicatorRow> Indicators { get; set; } = [];

    /// <summary>
    /// The service's input, or the names of time fields that are not a time (the service never
    /// sees those: a time that cannot be read must not be stored as "no time").
    /// </summary>
    public (ContentInputs? Inputs, List<string> BadTimes) ToInput()
    {
        var bad = new List<string>();
        DateTime? Time(string? text, string name)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return DateTime.SpecifyKind(local - Clock.JstOffset, DateTimeKind.Utc);
            }
            bad.Add(name);
            return null;
        }
        var aware = Time(AwareAt, nameof(AwareAt));
        var started = Time(StartedAt, nameof(StartedAt));
        var ended = Time(EndedAt, nameof(EndedAt));
        var rows = Indicators.Select((row, i) => (row, i)).Where(x => !x.row.IsBlank).ToList();
        if (bad.Count > 0)
        {
            return (null, bad);
        }
        var input = new ReportContentInput
        {
            Language = string.IsNullOrWhiteSpace(Language) ? null : Language,
            Title = Title ?? "",
            Kind = Kind,
            ThreatCategory = ThreatCategory ?? "",
            ThreatSubtype = ThreatSubtype,
            ThreatExamples = ThreatExamples.Where(e => !string.IsNullOrWhiteSpace(e)).ToList(),
            AffectedSystems = AffectedSystems,
            Service = Service,
            SectorCode = SectorCode ?? "",
            BusinessScopeCode = BusinessScopeCode,
            Status = Status,
            InterimMeasures = InterimMeasures,
            Cause = Cause,
            Countermeasures = Countermeasures,
            RecoveryOutlook = RecoveryOutlook,
            Impact = new ImpactInput
            {
                UsersAffected = Impact.UsersAffected,
                DurationMinutes = Impact.DurationMinutes,
                SupplyShortfallKw = Impact.SupplyShortfallKw,
                HouseholdsAffected = Impact.HouseholdsAffected,
                FlightsCancelled = Impact.FlightsCancelled,
                TrainsCancelled = Impact.TrainsCancelled,
                Other = Impact.Other,
            },
            // Only the conditions of the chosen sector travel: the form lists every sector's.
            VerificationFacts = VerificationConditions.OfSector(SectorCode)
                .Select(c => new VerificationFactInput { Condition = c.Code, Answer = VerificationFacts.GetValueOrDefault(c.Code) ?? FactAnswer.Unknown }).ToList(),
            AwareAt = aware,
            StartedAt = started,
            EndedAt = ended,
            LegallyRequired = LegallyRequired,
            LegalBasis = LegalBasis,
            Indicators = rows.Select(x => new IndicatorInput { Type = x.row.Type, Value = x.row.Value ?? "", Note = x.row.Note }).ToList(),
        };
        return (new ContentInputs(input, rows.Select(x => x.i).ToList()), bad);
    }

    public static ContentForm From(ReportContent c) => new()
    {
        Language = c.Language,
        Title = c.Title,
        Kind = c.Kind,
        ThreatCategory = c.ThreatCategory,
        ThreatSubtype = c.ThreatSubtype,
        ThreatExamples = [.. c.ThreatExamples],
        AffectedSystems = [.. c.AffectedSystems],
        Service = c.Service,
        SectorCode = c.SectorCode,
        BusinessScopeCode = c.BusinessScopeCode,
        Status = c.Status,
        InterimMeasures = c.InterimMeasures,
        Cause = c.Cause,
        Countermeasures = c.Countermeasures,
        RecoveryOutlook = c.RecoveryOutlook,
        Impact = new ImpactForm
        {
            UsersAffected = c.Impact.UsersAffected,
            DurationMinutes = c.Impact.DurationMinutes,
            SupplyShortfallKw = c.Impact.SupplyShortfallKw,
            HouseholdsAffected = c.Impact.HouseholdsAffected,
            FlightsCancelled = c.Impact.FlightsCancelled,
            TrainsCancelled = c.Impact.TrainsCancelled,
            Other = c.Impact.Other,
        },
        VerificationFacts = c.VerificationFacts.ToDictionary(f => f.Condition, f => (FactAnswer?)f.Answer, StringComparer.Ordinal),
        AwareAt = Jst(c.AwareAt),
        StartedAt = Jst(c.StartedAt),
        EndedAt = Jst(c.EndedAt),
        LegallyRequired = c.LegallyRequired,
        LegalBasis = c.LegalBasis,
        Indicators = c.Indicators.Select(i => new IndicatorRow { Type = i.Type, Value = i.Value, Note = i.Note }).ToList(),
    };

    /// <summary>A stored UTC time as the form shows it: JST, to the minute.</summary>
    public static string? Jst(DateTime? utc) =>
        utc is { } t ? Clock.ToJst(t).ToString(TimeFormat, CultureInfo.InvariantCulture) : null;
}

public sealed class ImpactForm
{
    public long? UsersAffected { get; set; }
    public int? DurationMinutes { get; set; }
    public long? SupplyShortfallKw { get; set; }
    public long? HouseholdsAffected { get; set; }
    public int? FlightsCancelled { get; set; }
    public int? TrainsCancelled { get; set; }
    public string? Other { get; set; }
}

public sealed class IndicatorRow
{
    public IndicatorType? Type { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }

    public bool IsBlank => Type is null && string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Note);
}
