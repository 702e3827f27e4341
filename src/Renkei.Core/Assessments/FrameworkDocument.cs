using System.Globalization;
using System.Text;
using Renkei.Common;
using Renkei.Directory.Csv;

namespace Renkei.Assessments;

/// <summary>A framework as JSON files carry it (docs/schemas/assessment-framework.schema.json).</summary>
public sealed record FrameworkDocument
{
    public string? Code { get; init; }
    public int? Version { get; init; }
    public string? TitleJa { get; init; }
    public string? TitleEn { get; init; }
    public string? Kind { get; init; }
    public string? Seed { get; init; }
    public List<FrameworkItemDocument>? Items { get; init; }
}

public sealed record FrameworkItemDocument
{
    public string? Code { get; init; }
    public string? Parent { get; init; }
    public string? TextJa { get; init; }
    public string? TextEn { get; init; }
    public string? GuidanceJa { get; init; }
    public string? GuidanceEn { get; init; }

    /// <summary>to_consider (要検討事項) or reference (参考事項): the guideline's items; optional.</summary>
    public string? Classification { get; init; }

    /// <summary>The guideline's concrete content (具体的内容); the text is the abstract content.</summary>
    public string? ConcreteJa { get; init; }
    public string? ConcreteEn { get; init; }
    public string? AnswerType { get; init; }
    public List<AssessmentChoice>? Choices { get; init; }
    public Dictionary<string, double>? Scores { get; init; }
    public bool? Required { get; init; }
    public string? Seed { get; init; }
}

/// <summary>Checks a framework document whole and turns it into entities; CSV in and out.</summary>
public static class FrameworkDocuments
{
    public static readonly string[] CsvColumns = ["code", "parent", "answer_type", "text_ja", "text_en", "guidance_ja", "guidance_en", "choices", "scores", "required", "seed", "classification", "concrete_ja", "concrete_en"];
    private static readonly string[] YesNoPartly = ["yes", "no", "partly"];

    /// <summary>The framework, or every problem found, keyed by the field (items[3].parent) or the CSV line.</summary>
    public static Result<AssessmentFramework> Build(FrameworkDocument doc, Func<int, string> itemField)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(doc.Code) || doc.Code.Length > 64)
        {
            InputValidation.Add(errors, "code", "is required (at most 64 characters)");
        }
        if (doc.Version is null or < 1)
        {
            InputValidation.Add(errors, "version", "is required: a positive whole number");
        }
        if (string.IsNullOrWhiteSpace(doc.TitleJa))
        {
            InputValidation.Add(errors, "titleJa", "is required");
        }
        if (string.IsNullOrWhiteSpace(doc.TitleEn))
        {
            InputValidation.Add(errors, "titleEn", "is required");
        }
        if (!EnumText.TryParse<FrameworkKind>(doc.Kind, out var kind))
        {
            InputValidation.Add(errors, "kind", "must be one of " + string.Join(", ", EnumText.Values<FrameworkKind>()));
        }
        var items = doc.Items ?? [];
        if (items.Count == 0)
        {
            InputValidation.Add(errors, "items", "must hold at least one item");
        }
        if (items.Count > 5000)
        {
            InputValidation.Add(errors, "items", "may hold at most 5000 items");
        }
        var framework = new AssessmentFramework
        {
            Id = Guid.CreateVersion7(),
            Code = doc.Code?.Trim() ?? "",
            Version = doc.Version ?? 0,
            TitleJa = doc.TitleJa?.Trim() ?? "",
            TitleEn = doc.TitleEn?.Trim() ?? "",
            Kind = kind,
            Seed = doc.Seed,
        };
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var at = itemField(i);
            var code = it.Code?.Trim();
            if (string.IsNullOrEmpty(code) || code.Length > 64)
            {
                InputValidation.Add(errors, at + "code", "is required (at most 64 characters)");
            }
            else if (!codes.TryAdd(code, i))
            {
                InputValidation.Add(errors, at + "code", Text.T("'{0}' is used twice in this version (first at item {1})", code, codes[code] + 1));
            }
            if (string.IsNullOrWhiteSpace(it.TextJa))
            {
                InputValidation.Add(errors, at + "textJa", "is required");
            }
            if (string.IsNullOrWhiteSpace(it.TextEn))
            {
                InputValidation.Add(errors, at + "textEn", "is required");
            }
            if (!EnumText.TryParse<AnswerType>(it.AnswerType, out var type))
            {
                InputValidation.Add(errors, at + "answerType", "must be one of " + string.Join(", ", EnumText.Values<AnswerType>()));
            }
            ItemClassification? classification = null;
            if (!string.IsNullOrWhiteSpace(it.Classification))
            {
                if (EnumText.TryParse<ItemClassification>(it.Classification, out var c))
                {
                    classification = c;
                }
                else
                {
                    InputValidation.Add(errors, at + "classification", "must be one of " + string.Join(", ", EnumText.Values<ItemClassification>()));
                }
            }
            var choices = it.Choices ?? [];
            if (type is AnswerType.Choice or AnswerType.MultiChoice)
            {
                if (choices.Count < 2)
                {
                    InputValidation.Add(errors, at + "choices", "needs at least two choices for a choice item");
                }
                if (choices.Any(c => string.IsNullOrWhiteSpace(c.Code) || c.Code.Length > 64) || choices.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != choices.Count)
                {
                    InputValidation.Add(errors, at + "choices", "each choice needs its own code (at most 64 characters)");
                }
            }
            else if (choices.Count > 0)
            {
                InputValidation.Add(errors, at + "choices", "apply to choice and multi_choice items only");
            }
            var scores = it.Scores ?? [];
            var valid = type == AnswerType.YesNoPartly ? YesNoPartly : choices.Select(c => c.Code).ToArray();
            foreach (var key in scores.Keys.Where(k => !valid.Contains(k)))
            {
                InputValidation.Add(errors, at + "scores", Text.T("'{0}' is not an answer value of this item", key));
            }
            framework.Items.Add(new AssessmentItem
            {
                Id = Guid.CreateVersion7(),
                FrameworkId = framework.Id,
                Code = code ?? "",
                ParentCode = string.IsNullOrWhiteSpace(it.Parent) ? null : it.Parent.Trim(),
                Position = i,
                TextJa = it.TextJa?.Trim() ?? "",
                TextEn = it.TextEn?.Trim() ?? "",
                GuidanceJa = Clean(it.GuidanceJa),
                GuidanceEn = Clean(it.GuidanceEn),
                Classification = classification,
                ConcreteJa = Clean(it.ConcreteJa),
                ConcreteEn = Clean(it.ConcreteEn),
                AnswerType = type,
                Choices = choices,
                Scores = scores,
                Required = it.Required ?? false,
                Seed = Clean(it.Seed),
            });
        }
        // Parents must exist, and following parents must never come back to the item.
        var parents = framework.Items.Where(x => x.Code != "").GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.First().ParentCode, StringComparer.Ordinal);
        for (var i = 0; i < framework.Items.Count; i++)
        {
            var item = framework.Items[i];
            if (item.ParentCode is null)
            {
                continue;
            }
            if (!parents.ContainsKey(item.ParentCode))
            {
                InputValidation.Add(errors, itemField(i) + "parent", Text.T("'{0}' is not an item of this version", item.ParentCode));
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal) { item.Code };
            var next = item.ParentCode;
            while (next is not null && parents.ContainsKey(next))
            {
                if (!seen.Add(next))
                {
                    InputValidation.Add(errors, itemField(i) + "parent", Text.T("makes a cycle through '{0}'", next));
                    break;
                }
                next = parents[next];
            }
        }
        return errors.Count > 0 ? Problem.Invalid(errors) : framework;
    }

    public static FrameworkDocument ToDocument(AssessmentFramework f) => new()
    {
        Code = f.Code,
        Version = f.Version,
        TitleJa = f.TitleJa,
        TitleEn = f.TitleEn,
        Kind = EnumText.ToText(f.Kind),
        Seed = f.Seed,
        Items = f.Items.OrderBy(i => i.Position).Select(i => new FrameworkItemDocument
        {
            Code = i.Code,
            Parent = i.ParentCode,
            TextJa = i.TextJa,
            TextEn = i.TextEn,
            GuidanceJa = i.GuidanceJa,
            GuidanceEn = i.GuidanceEn,
            Classification = i.Classification is { } c ? EnumText.ToText(c) : null,
            ConcreteJa = i.ConcreteJa,
            ConcreteEn = i.ConcreteEn,
            AnswerType = EnumText.ToText(i.AnswerType),
            Choices = i.Choices.Count == 0 ? null : i.Choices,
            Scores = i.Scores.Count == 0 ? null : i.Scores,
            Required = i.Required,
            Seed = i.Seed,
        }).ToList(),
    };

    /// <summary>
    /// Reads the item rows of a CSV file (one row per item; choices as <c>code=ja|en;…</c>,
    /// scores as <c>value=score;…</c>); the framework's own fields come with the request.
    /// </summary>
    public static Result<AssessmentFramework> FromCsv(byte[] content, string? code, int? version, string? titleJa, string? titleEn, string? kind)
    {
        List<CsvRow> rows;
        try
        {
            rows = CsvFile.Read(content, CsvColumns, ["code", "answer_type", "text_ja", "text_en"]);
        }
        catch (CsvFileException ex)
        {
            return Problem.Invalid("file", ex.Message);
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var items = new List<FrameworkItemDocument>();
        foreach (var row in rows)
        {
            var choices = new List<AssessmentChoice>();
            foreach (var part in (row.Get("choices") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                var labels = (eq < 0 ? "" : part[(eq + 1)..]).Split('|', 2);
                if (eq <= 0)
                {
                    InputValidation.Add(errors, $"line {row.Line}.choices", "each choice is code=日本語|English");
                    continue;
                }
                choices.Add(new AssessmentChoice { Code = part[..eq].Trim(), LabelJa = labels[0].Trim(), LabelEn = labels.Length > 1 ? labels[1].Trim() : labels[0].Trim() });
            }
            var scores = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var part in (row.Get("scores") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                {
                    InputValidation.Add(errors, $"line {row.Line}.scores", "each score is value=number");
                    continue;
                }
                scores[part[..eq].Trim()] = score;
            }
            var required = row.Get("required");
            if (required is not null and not ("true" or "false" or "1" or "0"))
            {
                InputValidation.Add(errors, $"line {row.Line}.required", "must be true or false");
            }
            items.Add(new FrameworkItemDocument
            {
                Code = row.Get("code"),
                Parent = row.Get("parent"),
                AnswerType = row.Get("answer_type"),
                TextJa = row.Get("text_ja"),
                TextEn = row.Get("text_en"),
                GuidanceJa = row.Get("guidance_ja"),
                GuidanceEn = row.Get("guidance_en"),
                Classification = row.Get("classification"),
                ConcreteJa = row.Get("concrete_ja"),
                ConcreteEn = row.Get("concrete_en"),
                Choices = choices,
                Scores = scores,
                Required = required is "true" or "1",
                Seed = row.Get("seed"),
            });
        }
        var doc = new FrameworkDocument { Code = code, Version = version, TitleJa = titleJa, TitleEn = titleEn, Kind = kind, Items = items };
        var built = Build(doc, i => $"line {rows[i].Line}.");
        if (!built.Ok)
        {
            foreach (var (k, v) in built.Problem!.Errors ?? new Dictionary<string, string[]>())
            {
                foreach (var reason in v)
                {
                    InputValidation.Add(errors, CsvName(k), reason);
                }
            }
        }
        return errors.Count > 0 ? Problem.Invalid(errors) : built;
    }

    public static byte[] ToCsv(AssessmentFramework f) => CsvFile.Write(CsvColumns, f.Items.OrderBy(i => i.Position).Select(i => (IReadOnlyList<string?>)
    [
        i.Code, i.ParentCode, EnumText.ToText(i.AnswerType), i.TextJa, i.TextEn, i.GuidanceJa, i.GuidanceEn,
        string.Join(";", i.Choices.Select(c => $"{c.Code}={c.LabelJa}|{c.LabelEn}")),
        string.Join(";", i.Scores.Select(s => $"{s.Key}={s.Value.ToString(CultureInfo.InvariantCulture)}")),
        i.Required ? "true" : "false", i.Seed,
        i.Classification is { } placed ? EnumText.ToText(placed) : null, i.ConcreteJa, i.ConcreteEn,
    ]));

    private static string CsvName(string field)
    {
        var sb = new StringBuilder(field);
        foreach (var (json, csv) in new[] { ("answerType", "answer_type"), ("textJa", "text_ja"), ("textEn", "text_en"), ("parent", "parent"), ("classification", "classification"), ("concreteJa", "concrete_ja"), ("concreteEn", "concrete_en") })
        {
            if (field.EndsWith("." + json, StringComparison.Ordinal))
            {
                return field[..^json.Length] + csv;
            }
        }
        return sb.ToString();
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
