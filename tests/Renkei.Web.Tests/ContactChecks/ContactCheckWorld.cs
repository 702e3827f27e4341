using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Web.Tests.ContactChecks;

/// <summary>An operator organisation with its points of contact (and a member to answer for it).</summary>
public sealed record Recipient(Organisation Organisation, HttpClient Member, IReadOnlyList<PointOfContact> Contacts);

/// <summary>Arranges contact-check tests: desks, operators with points of contact, and the links that went out by e-mail.</summary>
public static partial class ContactCheckWorld
{
    public static async Task<HttpClient> DeskAsync(RenkeiApp app, string code, Role role = Role.Analyst) =>
        (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync(code)).Id, role)).Client;

    /// <summary>A new operator in the sector with one point of contact per (name, phone) given, primary first.</summary>
    public static async Task<Recipient> OperatorAsync(RenkeiApp app, string sector, IReadOnlyList<string>? ceptoars = null, params (string Name, string? Phone)[] contacts)
    {
        var (member, _, org) = await app.OperatorAsync(sector, ceptoars, Role.Analyst);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var now = DateTime.UtcNow;
        var added = contacts.Select((c, i) => new PointOfContact
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = org.Id,
            Priority = i == 0 ? ContactPriority.Primary : ContactPriority.Secondary,
            Name = c.Name,
            Email = $"poc{Guid.NewGuid():N}"[..14] + "@example.jp",
            Phone = c.Phone,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.PointsOfContact.AddRange(added);
        await db.SaveChangesAsync();
        return new Recipient(org, member, added);
    }

    public static object Organisations(params Recipient[] recipients) =>
        recipients.Select(r => new { kind = "organisation", key = r.Organisation.Id.ToString() }).ToArray();

    /// <summary>The confirmation link's path in the queued e-mail to the address (the latest, when several rounds went).</summary>
    public static async Task<string> LinkAsync(RenkeiApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var body = await db.OutboundEmails.AsNoTracking().Where(m => m.ToAddress == email).OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync();
        return PathOf(body);
    }

    public static string PathOf(string body)
    {
        var match = Link().Match(body);
        match.Success.ShouldBeTrue("the e-mail carries the confirmation link");
        match.Groups["base"].Value.ShouldBe("https://renkei.test", "links are built on Renkei:Mail:PublicUrl");
        return match.Groups["path"].Value;
    }

    public static async Task<T> InDbAsync<T>(RenkeiApp app, Func<RenkeiDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RenkeiDbContext>());
    }

    [GeneratedRegex(@"(?<base>https?://[^/\s]+)(?<path>/ContactChecks/Confirm/[A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}
