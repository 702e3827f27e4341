using System.Text.Json.Nodes;
using Renkei.Access;

namespace Renkei.Stix;

/// <summary>
/// TLP as STIX marking definitions: the official TLP 2.0 objects (OASIS CTI common objects,
/// extension-definition--60a3c5c5-…), which Renkei writes, and the TLP 1.0 ones STIX 2.1 defines
/// (§7.2.1.4), which partners still send and Renkei reads as their TLP 2.0 equivalent.
/// </summary>
public static class TlpMarkings
{
    public const string Tlp20Extension = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    private static readonly (Tlp Tlp, string Id, string Name, string Value)[] Tlp20 =
    [
        (Tlp.Clear, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "clear"),
        (Tlp.Green, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "green"),
        (Tlp.Amber, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "amber"),
        (Tlp.AmberStrict, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT", "amber+strict"),
        (Tlp.Red, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "red"),
    ];

    // TLP 1.0 WHITE is TLP 2.0 CLEAR; the others keep their names.
    private static readonly (Tlp Tlp, string Id)[] Tlp10 =
    [
        (Tlp.Clear, "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"),
        (Tlp.Green, "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"),
        (Tlp.Amber, "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"),
        (Tlp.Red, "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"),
    ];

    /// <summary>The official TLP 2.0 marking-definition id for a level.</summary>
    public static string IdOf(Tlp tlp) => Tlp20.First(x => x.Tlp == tlp).Id;

    /// <summary>The TLP level an official (2.0 or 1.0) marking-definition id stands for; null for any other marking.</summary>
    public static Tlp? LevelOf(string markingId)
    {
        foreach (var x in Tlp20)
        {
            if (x.Id == markingId)
            {
                return x.Tlp;
            }
        }
        foreach (var x in Tlp10)
        {
            if (x.Id == markingId)
            {
                return x.Tlp;
            }
        }
        return null;
    }

    /// <summary>The official TLP 2.0 marking-definition object, exactly as OASIS publishes it.</summary>
    public static JsonObject Definition(Tlp tlp)
    {
        var x = Tlp20.First(t => t.Tlp == tlp);
        return new JsonObject
        {
            ["type"] = "marking-definition",
            ["spec_version"] = StixTime.SpecVersion,
            ["id"] = x.Id,
            ["created"] = "2022-10-01T00:00:00.000Z",
            ["name"] = x.Name,
            ["extensions"] = new JsonObject
            {
                [Tlp20Extension] = new JsonObject
                {
                    ["extension_type"] = "property-extension",
                    ["tlp_2_0"] = x.Value,
                },
            },
        };
    }
}
