using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Access;

/// <summary>One set of organisations and users per app, built once and shared by the matrix tests.</summary>
public sealed class MatrixWorld
{
    private static readonly ConcurrentDictionary<RenkeiApp, Lazy<Task<MatrixWorld>>> Worlds = new();

    public required Dictionary<Actor, HttpClient> Clients { get; init; }
    public required Guid Target { get; init; }
    public required Guid TargetUser { get; init; }
    public required Guid TargetContact { get; init; }

    public static Task<MatrixWorld> ForAsync(RenkeiApp app) =>
        Worlds.GetOrAdd(app, a => new Lazy<Task<MatrixWorld>>(() => BuildAsync(a))).Value;

    private static async Task<MatrixWorld> BuildAsync(RenkeiApp app)
    {
        var data = app.Data;
        var nisc = await data.ReferenceOrganisationAsync("nisc");
        var meti = await data.ReferenceOrganisationAsync("meti");
        var mlit = await data.ReferenceOrganisationAsync("mlit");
        var secretariat = await data.ReferenceOrganisationAsync("je-isac");
        var target = await data.OrganisationAsync(OrganisationKind.Operator, "electricity", name: "Target Power Co", ceptoars: ["electricity"]);
        var other = await data.OrganisationAsync(OrganisationKind.Operator, "electricity", name: "Other Power Co");
        var otherSector = await data.OrganisationAsync(OrganisationKind.Operator, "telecom", name: "Some Telecom Co");

        var clients = new Dictionary<Actor, HttpClient> { [Actor.PlatformAdmin] = app.Admin() };
        async Task Add(Actor actor, Guid org, params Role[] roles) => clients[actor] = (await app.ClientAsync(org, roles)).Client;
        await Add(Actor.NiscViewer, nisc.Id, Role.Viewer);
        await Add(Actor.NiscAuditor, nisc.Id, Role.Auditor);
        await Add(Actor.MinistryInCharge, meti.Id, Role.Viewer);
        await Add(Actor.OtherMinistry, mlit.Id, Role.Viewer);
        await Add(Actor.CeptoarSecretariat, secretariat.Id, Role.Coordinator);
        await Add(Actor.TargetAdmin, target.Id, Role.Admin);
        await Add(Actor.TargetCoordinator, target.Id, Role.Coordinator);
        await Add(Actor.TargetViewer, target.Id, Role.Viewer);
        await Add(Actor.OtherOperatorAdmin, other.Id, Role.Admin);
        await Add(Actor.OtherSectorAuditor, otherSector.Id, Role.Auditor);

        var targetUser = await data.UserAsync(target.Id, Role.Reporter);
        await using var scope = app.Services.CreateAsyncScope();
        var admin = await data.CallerAsync((await data.UserAsync(nisc.Id, Role.Admin)).Id);
        var contact = await scope.ServiceProvider.GetRequiredService<ContactService>().AddAsync(admin, target.Id,
            new ContactInput { Priority = ContactPriority.Primary, Name = "当番", Email = "soc@target.example.jp", Phone = "03-1234-5678", Hours = "24時間365日" });
        return new MatrixWorld { Clients = clients, Target = target.Id, TargetUser = targetUser.Id, TargetContact = contact.Value!.Id };
    }
}
