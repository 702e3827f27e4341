namespace Renkei.Stix.Validation;

/// <summary>The properties each SCO requires (§6) and the rules between them.</summary>
internal static class ObservableRules
{
    /// <summary>Properties every SCO may carry, which do not count as "at least one property" of the object.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "type", "id", "spec_version", "object_marking_refs", "granular_markings", "defanged",
    };

    public static void Check(ObjectChecker c)
    {
        switch (c.Type)
        {
            case "domain-name" or "email-addr" or "ipv4-addr" or "ipv6-addr" or "mac-addr" or "url":
                c.String("value", required: true);
                break;
            case "mutex" or "software":
                c.String("name", required: true);
                break;
            case "directory":
                c.String("path", required: true);
                Times(c, "ctime", "mtime", "atime");
                break;
            case "autonomous-system":
                c.Integer("number", 0, uint.MaxValue, required: true);
                break;
            case "artifact":
                Artifact(c);
                break;
            case "email-message":
                EmailMessage(c);
                break;
            case "file":
                Times(c, "ctime", "mtime", "atime");
                c.Integer("size", 0, long.MaxValue);
                break;
            case "network-traffic":
                NetworkTraffic(c);
                break;
            case "process":
                AtLeastOneProperty(c);
                Times(c, "created_time");
                break;
            case "user-account":
                AtLeastOneProperty(c);
                Times(c, "account_created", "account_expires", "credential_last_changed", "account_first_login", "account_last_login");
                break;
            case "windows-registry-key":
                AtLeastOneProperty(c);
                Times(c, "modified_time");
                break;
            case "x509-certificate":
                AtLeastOneProperty(c);
                Times(c, "validity_not_before", "validity_not_after");
                break;
        }
        if (c.Get("hashes") is { } hashes)
        {
            Hashes.Check(c, "hashes", hashes);
        }
    }

    private static void Times(ObjectChecker c, params string[] names)
    {
        foreach (var name in names)
        {
            c.Timestamp(name);
        }
    }

    /// <summary>§6.13, §6.16–§6.18: objects whose properties are all optional need at least one of them.</summary>
    private static void AtLeastOneProperty(ObjectChecker c)
    {
        if (c.Object.EnumerateObject().All(p => Common.Contains(p.Name)))
        {
            c.Error("", $"a {c.Type} object needs at least one of its own properties");
        }
    }

    private static void Artifact(ObjectChecker c)
    {
        // §6.1: exactly one of payload_bin and url; hashes with a url; a key only with an algorithm.
        if (c.Has("payload_bin") == c.Has("url"))
        {
            c.Error("", "an artifact needs exactly one of payload_bin and url");
        }
        if (c.Has("url") && !c.Has("hashes"))
        {
            c.Error("hashes", "is required when url is present");
        }
        if (c.Has("decryption_key") && !c.Has("encryption_algorithm"))
        {
            c.Error("decryption_key", "must not be present without encryption_algorithm");
        }
        if (c.String("payload_bin") is { } payload && !IsBase64(payload))
        {
            c.Error("payload_bin", "must be base64");
        }
    }

    private static void EmailMessage(ObjectChecker c)
    {
        var multipart = c.Boolean("is_multipart", required: true);
        // §6.6.1: body for single-part messages, body_multipart for multipart ones.
        if (multipart == false && c.Has("body_multipart"))
        {
            c.Error("body_multipart", "must not be present when is_multipart is false");
        }
        if (multipart == true && c.Has("body"))
        {
            c.Error("body", "must not be present when is_multipart is true");
        }
        c.Timestamp("date");
    }

    private static void NetworkTraffic(ObjectChecker c)
    {
        c.StringList("protocols", required: true);
        // §6.12: protocols and at least one of src_ref or dst_ref.
        if (!c.Has("src_ref") && !c.Has("dst_ref"))
        {
            c.Error("", "network traffic needs src_ref or dst_ref");
        }
        c.Integer("src_port", 0, 65_535);
        c.Integer("dst_port", 0, 65_535);
        c.Timestamp("start");
        c.Timestamp("end");
        c.Order("start", "end", strict: false);
        if (c.Boolean("is_active") == true && c.Has("end"))
        {
            c.Error("end", "must not be present when is_active is true");
        }
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}
