using System.Text.Json;
using Renkei.Access;
using Renkei.Storage;

namespace Renkei.Advisories;

/// <summary>A place in the relay chain (情報提供の経路).</summary>
public enum RelayStage
{
    Ministry,
    CeptoarSecretariat,
    /// <summary>The end of the chain: an organisation of the audience.</summary>
    Recipient,
}

/// <summary>What a holder may do with an advisory it received.</summary>
public enum RelayAction
{
    /// <summary>Pass it on as it is.</summary>
    Relay,
    /// <summary>Pass it on with a sector-specific note.</summary>
    RelayWithNote,
    /// <summary>Keep it, with a reason the issuer sees.</summary>
    Hold,
}

/// <summary>The handling rule of one hop: what its holder may do, which TLP may pass it, and to which stages it hands on.</summary>
public sealed record HopRule(RelayStage Stage, IReadOnlyList<RelayAction> Actions, IReadOnlyList<Tlp> RelayTlp, IReadOnlyList<RelayStage> NextStages, string Why)
{
    public bool MayRelay(Tlp tlp) => RelayTlp.Contains(tlp);
}

/// <summary>
/// The relay chain's handling rules as data (<c>Data/relay-rules.json</c>, versioned): the
/// stages in order and, per holder stage, the allowed actions, the TLP that may be relayed and
/// the stages it may hand on to. <see cref="AdvisoryRelay"/> applies them mechanically; no hop
/// has rules of its own in code.
/// </summary>
public sealed class RelayRules
{
    private sealed record File(int Version, IReadOnlyList<RelayStage> Stages, IReadOnlyList<HopRule> Holders);

    public static RelayRules Instance { get; } = Load();

    private RelayRules(int version, IReadOnlyList<RelayStage> stages, IReadOnlyList<HopRule> holders)
    {
        Version = version;
        Stages = stages;
        Holders = holders;
    }

    public int Version { get; }
    public IReadOnlyList<RelayStage> Stages { get; }
    public IReadOnlyList<HopRule> Holders { get; }

    /// <summary>The rule of a holder stage; null for a stage that does not relay.</summary>
    public HopRule? For(RelayStage stage) => Holders.FirstOrDefault(h => h.Stage == stage);

    /// <summary>The position of a stage in the chain, or -1 when the chain does not have it.</summary>
    public int IndexOf(RelayStage stage) => IndexOf(Stages, stage);

    /// <summary>Whether an advisory of this TLP may travel every hop of the chain (so it cannot get stuck half-way).</summary>
    public bool Relayable(Tlp tlp) => Holders.All(h => h.MayRelay(tlp));

    private static RelayRules Load()
    {
        using var stream = typeof(RelayRules).Assembly.GetManifestResourceStream("Renkei.Advisories.relay-rules.json")
            ?? throw new InvalidDataException("relay-rules.json is not embedded.");
        var file = JsonSerializer.Deserialize<File>(stream, JsonColumn<AdvisoryContent>.Options)
            ?? throw new InvalidDataException("relay-rules.json is empty.");
        if (file.Stages.Count == 0 || file.Stages[^1] != RelayStage.Recipient)
        {
            throw new InvalidDataException("relay-rules.json: the chain must end with the recipient stage.");
        }
        foreach (var holder in file.Holders)
        {
            var at = IndexOf(file.Stages, holder.Stage);
            if (at < 0 || holder.Stage == RelayStage.Recipient)
            {
                throw new InvalidDataException($"relay-rules.json: {holder.Stage} is not a holder stage of the chain.");
            }
            if (holder.NextStages.Any(n => IndexOf(file.Stages, n) <= at))
            {
                throw new InvalidDataException($"relay-rules.json: {holder.Stage} may only hand on down the chain.");
            }
        }
        return new RelayRules(file.Version, file.Stages, file.Holders);
    }

    private static int IndexOf(IReadOnlyList<RelayStage> stages, RelayStage stage)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] == stage)
            {
                return i;
            }
        }
        return -1;
    }
}
