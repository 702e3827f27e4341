using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Taxii;

namespace Renkei.Stix;

/// <summary>What an importer says about a bundle: a title, the TLP (no weaker than its markings) and whom it is for.</summary>
public sealed record StixImportInput
{
    public string? Title { get; init; }
    public Tlp? Tlp { get; init; }
    public IReadOnlyList<AudienceEntry>? Audience { get; init; }
}

/// <summary>An imported set as the API shows it.</summary>
public sealed record IndicatorSetView(
    Guid Id, string Title, Tlp Tlp, StixChannel Channel, string? BundleId, string? Producer,
    int ObjectCount, int IndicatorCount, string Sha256, DateTime ImportedAt, int AlreadyPresent);

/// <summary>
/// Brings STIX bundles in (upload, API, TAXII post): parses, validates every object, labels the
/// set with TLP from its markings, and stores it with its objects in one transaction — a bundle
/// with one bad object stores nothing, and the answer names each bad object and why.
/// </summary>
public sealed partial class StixImporter(
    RenkeiDbContext db,
    AccessPolicy access,
    AudienceBuilder audiences,
    AdvisoryRemit remit,
    StixStore store,
    TaxiiCollections collections,
    AuditTrail audit,
    Correlation.IndicatorOccurrences occurrences,
    TimeProvider time)
{
    public static bool MayImport(Caller caller) => caller.HasAny(Role.Admin, Role.Coordinator, Role.Analyst);

    /// <summary>A bundle uploaded or sent to the API.</summary>
    public async Task<Result<IndicatorSetView>> ImportAsync(Caller caller, byte[] body, StixImportInput input, StixChannel channel, CancellationToken ct = default)
    {
        if (!MayImport(caller))
        {
            return Problem.Forbidden("Only analysts, coordinators and admins import STIX bundles.");
        }
        var parsed = StixParsing.Parse(body, envelope: false);
        if (!parsed.Ok)
        {
            return parsed.Problem!;
        }
        using var document = parsed.Value!;
        var bundle = StixParsing.Check(document.RootElement, envelope: false);
        if (!bundle.Ok)
        {
            return bundle.Problem!;
        }
        var tlp = Label(bundle.Value!.Objects, input.Tlp, required: true);
        if (!tlp.Ok)
        {
            return tlp.Problem!;
        }
        var audience = await audiences.BuildAsync(tlp.Value, input.Audience, "audience", ct);
        if (!audience.Ok)
        {
            return audience.Problem!;
        }
        var outside = await SharingRemitAsync(caller, audience.Value!, ct);
        if (outside.Count > 0)
        {
            return Problem.Invalid(outside);
        }
        var title = string.IsNullOrWhiteSpace(input.Title) ? bundle.Value.Title : input.Title.Trim();
        if (title.Length > 300)
        {
            return Problem.Invalid("title", Text.T("must be at most {0} characters", 300));
        }
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var (set, appended) = await StoreAsync(caller, bundle.Value, title, tlp.Value, audience.Value!, channel, null, body, ct);
        await unit.CommitAsync(ct);
        return IndicatorSetQueries.View(set, appended.AlreadyPresent);
    }

    /// <summary>
    /// A TAXII post: the envelope's objects, all or nothing, into the collection's audience. The
    /// status lists each object as added (or already there) or failed with the reason.
    /// </summary>
    public async Task<Result<TaxiiStatus>> PostAsync(Caller caller, TaxiiCollection collection, byte[] body, CancellationToken ct = default)
    {
        var parsed = StixParsing.Parse(body, envelope: true);
        if (!parsed.Ok)
        {
            return parsed.Problem!;
        }
        using var document = parsed.Value!;
        var now = Clock.UtcNow(time);
        var status = new TaxiiStatus { Id = Guid.CreateVersion7(), UserId = caller.UserId, CollectionKey = collection.Key, RequestedAt = now };
        var checkedEnvelope = StixParsing.Check(document.RootElement, envelope: true);
        var successes = new JsonArray();
        var failures = new JsonArray();
        if (!checkedEnvelope.Ok)
        {
            // Nothing is stored; every object is reported, the bad ones with their reasons.
            var reasons = checkedEnvelope.Problem!.Errors ?? new Dictionary<string, string[]>();
            foreach (var (id, version) in StixParsing.Identify(document.RootElement))
            {
                var message = reasons.TryGetValue(id, out var r) ? string.Join(" ", r) : Text.T("Not added: other objects in the envelope are invalid, and an envelope is added whole or not at all.");
                failures.Add(Entry(id, version, message));
            }
            foreach (var (key, r) in reasons.Where(e => !e.Key.Contains("--", StringComparison.Ordinal)))
            {
                failures.Add(new JsonObject { ["id"] = key, ["message"] = string.Join(" ", r) });
            }
            return await SaveStatusAsync(status, successes, failures, ct);
        }
        var objects = checkedEnvelope.Value!.Objects;
        var tlp = Label(objects, null, required: false);
        if (!tlp.Ok)
        {
            return tlp.Problem!;
        }
        var audience = new Audience { Id = Guid.CreateVersion7() };
        audience.Members.Add(new AudienceMember { AudienceId = audience.Id, Kind = collection.Member!.Kind, Key = collection.Member.Key });
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var (set, appended) = await StoreAsync(caller, checkedEnvelope.Value, checkedEnvelope.Value.Title, tlp.Value, audience, StixChannel.TaxiiPost, collection.Key, body, ct);
        foreach (var o in objects)
        {
            successes.Add(Entry(StixParsing.Str(o, "id")!, StixParsing.VersionText(o), null));
        }
        var saved = await SaveStatusAsync(status, successes, failures, ct);
        await unit.CommitAsync(ct);
        return saved;
    }

    public enum DeleteOutcome
    {
        Deleted,
        NotFound,
        Forbidden,
    }

    /// <summary>
    /// Deletes versions of an object from the collection: only from sets the caller's organisation
    /// imported (an advisory's objects follow the advisory), by analysts, coordinators and admins.
    /// </summary>
    public async Task<DeleteOutcome> DeleteAsync(Caller caller, TaxiiCollection collection, string stixId, TaxiiQuery query, CancellationToken ct = default)
    {
        var sources = collections.Sources(caller, collection);
        var rows = db.StixObjects.Where(o => o.StixId == stixId && sources.Contains(o.SourceId));
        rows = TaxiiObjects.MatchVersions(rows, query);
        var found = await rows.Select(o => new { o.Seq, o.SourceId, o.SourceKind }).ToListAsync(ct);
        if (found.Count == 0)
        {
            return DeleteOutcome.NotFound;
        }
        var org = caller.OrganisationId;
        var ownSets = await access.IndicatorSets(caller).Where(s => s.OwnerOrganisationId == org).Select(s => s.Id).ToListAsync(ct);
        var deletable = found.Where(f => f.SourceKind == StixSourceKind.IndicatorSet && ownSets.Contains(f.SourceId)).ToList();
        if (deletable.Count == 0 || !MayImport(caller))
        {
            return DeleteOutcome.Forbidden;
        }
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var seqs = deletable.Select(d => d.Seq).ToArray();
        await db.StixObjects.Where(o => seqs.Contains(o.Seq)).ExecuteDeleteAsync(ct);
        foreach (var source in deletable.Select(d => d.SourceId).Distinct())
        {
            await StixStore.RelabelAsync(db, source, stixId, ct);
            await occurrences.RefreshSetObjectAsync(source, stixId, ct);
            var set = await db.IndicatorSets.FirstAsync(s => s.Id == source, ct);
            set.ObjectCount = await db.StixObjects.CountAsync(o => o.SourceId == source && o.IsLatest, ct);
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("delete-object", "indicator-sets", string.Join(",", deletable.Select(d => d.SourceId).Distinct()), new { stixId, versions = deletable.Count }, ct);
        await unit.CommitAsync(ct);
        return DeleteOutcome.Deleted;
    }

    private async Task<(IndicatorSet Set, StixStore.AppendResult Appended)> StoreAsync(
        Caller caller, StixParsing.CheckedBundle bundle, string title, Tlp tlp, Audience audience, StixChannel channel, string? collectionKey, byte[] body, CancellationToken ct, Guid? feedId = null)
    {
        var now = Clock.UtcNow(time);
        var set = new IndicatorSet
        {
            Id = Guid.CreateVersion7(),
            Title = title,
            Tlp = tlp,
            OwnerOrganisationId = caller.OrganisationId,
            CreatedByUserId = caller.UserId,
            AudienceId = audience.Id,
            Audience = audience,
            Channel = channel,
            BundleId = bundle.BundleId,
            CollectionKey = collectionKey,
            FeedId = feedId,
            Producer = bundle.Producer,
            ObjectCount = bundle.Objects.Count,
            IndicatorCount = bundle.Objects.Count(o => StixParsing.Str(o, "type") == "indicator"),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
            ImportedAt = now,
        };
        db.Audiences.Add(audience);
        db.IndicatorSets.Add(set);
        await db.SaveChangesAsync(ct);
        var drafts = bundle.Objects.Select(o => new StixObjectDraft(
            StixParsing.Str(o, "id")!,
            StixParsing.Str(o, "type")!,
            StixParsing.Str(o, "spec_version") ?? StixTime.SpecVersion,
            StixParsing.Version(o),
            o.GetRawText())).ToList();
        var appended = await store.AppendAsync(StixSourceKind.IndicatorSet, set.Id, drafts, TaxiiCollections.KeysOf(audience, tlp), now, ct);
        // Only indicators whose pattern FromPattern maps back to a typed indicator correlate.
        await occurrences.InsertAsync(Correlation.IndicatorOccurrences.ForSet(set.Id, bundle.Objects, now), ct);
        await audit.RecordAsync("import", "indicator-sets", set.Id.ToString("D"), new { channel = EnumText.ToText(channel), objects = appended.Added, set.Sha256, collection = collectionKey }, ct);
        return (set, appended);
    }

    /// <summary>The set's label: what the importer asked for, never weaker than the bundle's markings.</summary>
    private static Result<Tlp> Label(IReadOnlyList<JsonElement> objects, Tlp? asked, bool required)
    {
        var marked = StixBundleMarkings.Strictest(objects);
        if (asked is { } a)
        {
            if (marked is { } m && a < m)
            {
                return Problem.Invalid("tlp", Text.T("the bundle is marked {0}; it cannot be shared more widely as {1}", TlpText(m), TlpText(a)));
            }
            return a;
        }
        if (marked is { } level)
        {
            if (level == Tlp.Red)
            {
                return Problem.Invalid("tlp", "the bundle is marked TLP:RED: share it by upload with named recipients only");
            }
            return level;
        }
        if (required)
        {
            return Problem.Invalid("tlp", "is required: the bundle carries no TLP marking");
        }
        // An unmarked TAXII post: the collection's members may read it, and no one further.
        return Tlp.Amber;
    }

    /// <summary>
    /// Whom an organisation may share indicators with: itself, the communities and CEPTOARs it
    /// belongs to (exchanging indicators among peers is what those groups are for), and whatever
    /// its advisory remit reaches.
    /// </summary>
    internal async Task<Dictionary<string, string[]>> SharingRemitAsync(Caller caller, Audience audience, CancellationToken ct)
    {
        var peers = new Audience { Id = audience.Id };
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < audience.Members.Count; i++)
        {
            var m = audience.Members[i];
            var own = m.Kind switch
            {
                AudienceKind.Organisation => m.Key == caller.OrganisationId.ToString("D"),
                AudienceKind.Community => caller.CommunityCodes.Contains(m.Key),
                AudienceKind.Ceptoar => caller.CeptoarCodes.Contains(m.Key),
                AudienceKind.User => m.Key == caller.UserId.ToString("D"),
                _ => false,
            };
            if (own)
            {
                continue;
            }
            if (!AdvisoryRemit.MayIssue(caller))
            {
                InputValidation.Add(errors, $"audience[{i}].key", "is outside what your organisation may share with");
                continue;
            }
            var single = new Audience { Id = audience.Id, Members = [m] };
            if ((await remit.CheckAsync(caller, single, ct)).Count > 0)
            {
                InputValidation.Add(errors, $"audience[{i}].key", "is outside what your organisation may share with");
            }
        }
        return errors;
    }

    private async Task<Result<TaxiiStatus>> SaveStatusAsync(TaxiiStatus status, JsonArray successes, JsonArray failures, CancellationToken ct)
    {
        status.SuccessCount = successes.Count;
        status.FailureCount = failures.Count;
        status.TotalCount = successes.Count + failures.Count;
        status.Details = new JsonObject { ["successes"] = successes, ["failures"] = failures, ["pendings"] = new JsonArray() }.ToJsonString();
        db.TaxiiStatuses.Add(status);
        await db.SaveChangesAsync(ct);
        return status;
    }

    private static JsonObject Entry(string id, string? version, string? message)
    {
        var o = new JsonObject { ["id"] = id };
        if (version is not null)
        {
            o["version"] = version;
        }
        if (message is not null)
        {
            o["message"] = message;
        }
        return o;
    }

    private static string TlpText(Tlp tlp) => "TLP:" + EnumText.ToText(tlp).ToUpperInvariant();
}
