using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Access;
using Renkei.Assessments;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

/// <summary>
/// The annual penetration survey at national scale: N operators over the 15 sectors each answer an
/// M-item survey and submit it through AssessmentService (one save of all answers, then submit, as
/// the API does), then the campaign closes and the national centre reads every sector × item
/// aggregate with the k-threshold, and an operator reads its gap view.
/// </summary>
internal static class Survey
{
    public static async Task<Dictionary<string, object>> RunAsync(BenchDatabase bench, int organisations, int items, int concurrency)
    {
        await Benchmarks.InitialiseAsync(bench);
        var owner = await Benchmarks.PlatformAdminAsync(bench);
        var setup = Stopwatch.StartNew();
        var callers = await DirectoryAsync(bench, organisations);
        var framework = await FrameworkAsync(bench, items);
        Console.WriteLine($"directory: {organisations} operators with a coordinator each; framework of {framework.Items.Count} items in {setup.Elapsed.TotalSeconds:F1} s (not measured)");

        Guid campaign;
        await using (var scope = bench.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
            var created = await service.CreateCampaignAsync(owner, new CampaignInput
            {
                FrameworkId = framework.Id,
                TitleJa = "令和8年度 安全基準等の浸透状況等に関する調査",
                TitleEn = "FY2026 penetration survey",
                OpensAt = DateTime.UtcNow.AddDays(-1),
                ClosesAt = DateTime.UtcNow.AddDays(30),
                Audience = [new AudienceEntry { Kind = AudienceKind.AllCi }],
            });
            campaign = Check(created).Id;
            Check(await service.MoveCampaignAsync(owner, campaign, CampaignState.Open));
        }

        // C operators answer at once, each taking the next organisation as it finishes (the writes
        // still take turns at SQLite's single writer; reads and the service's work overlap).
        var watch = Stopwatch.StartNew();
        var next = -1;
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < callers.Count; i = Interlocked.Increment(ref next))
            {
                await using var scope = bench.Services.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
                Check(await service.SaveAnswersAsync(callers[i], campaign, Answers(framework, i)));
                Check(await service.SubmitAsync(callers[i], campaign, null));
                if (Interlocked.Increment(ref done) % 500 == 0)
                {
                    Console.WriteLine($"  {done} submitted ({done / watch.Elapsed.TotalSeconds:F1}/s)");
                }
            }
        })));
        var submitSeconds = watch.Elapsed.TotalSeconds;
        await using (var scope = bench.Services.CreateAsyncScope())
        {
            Check(await scope.ServiceProvider.GetRequiredService<AssessmentService>().MoveCampaignAsync(owner, campaign, CampaignState.Closed));
        }
        long answers;
        await using (var scope = bench.Services.CreateAsyncScope())
        {
            answers = await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().AssessmentAnswers.LongCountAsync(a => a.CampaignId == campaign);
        }
        Console.WriteLine($"submitted {organisations} responses ({answers} answers) in {submitSeconds:F1} s ({organisations / submitSeconds:F0} responses/s)");

        var cells = 0;
        var withheld = 0;
        var aggregate = await MedianAsync(bench, 7, async sp =>
        {
            var view = Check(await sp.GetRequiredService<AssessmentAggregates>().AggregatesAsync(owner, campaign));
            cells = view.Cells.Count;
            withheld = view.Cells.Count(c => c.Withheld);
        });
        Console.WriteLine($"aggregates: {cells} sector × item and national cells ({withheld} withheld), median {aggregate:F1} ms");
        var gap = await MedianAsync(bench, 21, async sp => Check(await sp.GetRequiredService<AssessmentAggregates>().GapViewAsync(callers[0], campaign)));
        Console.WriteLine($"gap view of one operator: median {gap:F1} ms");
        return new()
        {
            ["command"] = "survey",
            ["orgs"] = organisations,
            ["concurrency"] = concurrency,
            ["items"] = framework.Items.Count,
            ["answers"] = answers,
            ["submit_s"] = Math.Round(submitSeconds, 1),
            ["submit_per_s"] = Math.Round(organisations / submitSeconds, 1),
            ["answers_per_s"] = Math.Round(answers / submitSeconds),
            ["cells"] = cells,
            ["aggregate_ms"] = Math.Round(aggregate, 1),
            ["gap_view_ms"] = Math.Round(gap, 1),
        };
    }

    /// <summary>The median of <paramref name="runs"/> timed calls, each in its own scope, after one untimed warm-up.</summary>
    private static async Task<double> MedianAsync(BenchDatabase bench, int runs, Func<IServiceProvider, Task> action)
    {
        var timings = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await action(scope.ServiceProvider);
            if (run > 0)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        timings.Sort();
        return timings[timings.Count / 2];
    }

    /// <summary>A survey of the given size: mostly yes/no/partly, with choice, multi-choice and number items, in groups of ten.</summary>
    private static async Task<AssessmentFramework> FrameworkAsync(BenchDatabase bench, int count)
    {
        var choices = new List<AssessmentChoice>
        {
            new() { Code = "a", LabelJa = "甲", LabelEn = "A" }, new() { Code = "b", LabelJa = "乙", LabelEn = "B" },
            new() { Code = "c", LabelJa = "丙", LabelEn = "C" }, new() { Code = "d", LabelJa = "丁", LabelEn = "D" },
        };
        var items = Enumerable.Range(0, count).Select(i => new FrameworkItemDocument
        {
            Code = $"q{i:D3}",
            Parent = i % 10 == 0 ? null : $"q{i / 10 * 10:D3}",
            TextJa = $"設問 {i}",
            TextEn = $"Question {i}",
            AnswerType = (i % 10) switch { 7 => "choice", 8 => "multi_choice", 9 => "number", _ => "yes_no_partly" },
            Choices = i % 10 is 7 or 8 ? choices : null,
            Required = i % 10 == 0,
        }).ToList();
        await using var scope = bench.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AssessmentService>().EnsureAsync(new FrameworkDocument
        {
            Code = $"bench-survey-{count}",
            Version = 1,
            TitleJa = "ベンチ調査",
            TitleEn = "Bench survey",
            Kind = "survey",
            Items = items,
        });
    }

    /// <summary>One operator's answers, varied by operator so the distributions are not trivial.</summary>
    private static AnswersInput Answers(AssessmentFramework framework, int organisation)
    {
        var random = new Random(organisation);
        string[] ynp = ["yes", "yes", "partly", "no"];
        string[] codes = ["a", "b", "c", "d"];
        return new AnswersInput
        {
            Answers = framework.Items.OrderBy(i => i.Position).Select(i => new AnswerInput
            {
                Item = i.Code,
                Value = i.AnswerType switch
                {
                    AnswerType.Choice => JsonSerializer.SerializeToElement(codes[random.Next(4)]),
                    AnswerType.MultiChoice => JsonSerializer.SerializeToElement(codes.Where(_ => random.Next(2) == 0).ToArray()),
                    AnswerType.Number => JsonSerializer.SerializeToElement(random.Next(0, 12)),
                    _ => JsonSerializer.SerializeToElement(ynp[random.Next(4)]),
                },
            }).ToList(),
        };
    }

    /// <summary>Operators spread over the 15 sectors, each with one coordinator (bulk-inserted, not measured).</summary>
    private static async Task<List<Caller>> DirectoryAsync(BenchDatabase bench, int organisations)
    {
        string[] sectors;
        Guid role;
        await using (var scope = bench.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            sectors = await db.Sectors.OrderBy(s => s.Code).Select(s => s.Code).ToArrayAsync();
            var name = Renkei.Common.EnumText.ToText(Role.Coordinator).ToUpperInvariant();
            role = await db.Roles.Where(r => r.NormalizedName == name).Select(r => r.Id).FirstAsync();
        }
        var callers = new List<Caller>();
        for (var start = 0; start < organisations; start += 1000)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = DateTime.UtcNow;
            for (var i = start; i < Math.Min(start + 1000, organisations); i++)
            {
                var sector = sectors[i % sectors.Length];
                var org = new Organisation { Id = Guid.CreateVersion7(), NameJa = $"事業者{i}", NameEn = $"Operator {i}", Kind = OrganisationKind.Operator, SectorCode = sector, CreatedAt = now, UpdatedAt = now };
                db.Organisations.Add(org);
                var email = $"survey{i}@bench.renkei.test";
                var user = new RenkeiUser
                {
                    Id = Guid.CreateVersion7(),
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    DisplayName = $"回答者{i}",
                    OrganisationId = org.Id,
                    CreatedAt = now,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = role });
                callers.Add(new Caller
                {
                    UserId = user.Id,
                    Email = email,
                    OrganisationId = org.Id,
                    OrganisationKind = OrganisationKind.Operator,
                    SectorCode = sector,
                    Roles = new HashSet<Role> { Role.Coordinator },
                });
            }
            await db.SaveChangesAsync();
        }
        return callers;
    }

    private static T Check<T>(Renkei.Common.Result<T> result) =>
        result.Ok ? result.Value! : throw new InvalidOperationException($"{result.Problem!.Detail} {string.Join("; ", (result.Problem.Errors ?? new Dictionary<string, string[]>()).Select(e => e.Key + ": " + string.Join(", ", e.Value)))}");
}
