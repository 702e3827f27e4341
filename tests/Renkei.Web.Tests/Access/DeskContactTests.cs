using System.Net;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Access;

/// <summary>
/// The desks' points of contact: an operator must be able to reach NISC, the ministries and the
/// security agencies (the hotline of an emergency report or advisory), and its own CEPTOAR's
/// secretariat — but not other operators, nor the secretariats of CEPTOARs it is not in.
/// </summary>
public abstract class DeskContactTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    [Fact]
    public async Task Operators_ReachTheGovernmentDesksAndTheirOwnSecretariat_NotOtherOperators()
    {
        var (member, _, memberOrg) = await app.OperatorAsync("electricity", ["electricity"], Role.Viewer);
        var (outsider, _, _) = await app.OperatorAsync("telecom", null, Role.Viewer);
        async Task<HttpStatusCode> ContactsAsync(HttpClient client, Guid org) => (await client.GetAsync($"/api/v1/organisations/{org}/contacts")).StatusCode;

        foreach (var desk in new[] { "nisc", "meti", "mlit", "jpcert" })
        {
            var id = (await app.Data.ReferenceOrganisationAsync(desk)).Id;
            (await ContactsAsync(member, id)).ShouldBe(HttpStatusCode.OK, desk);
            (await ContactsAsync(outsider, id)).ShouldBe(HttpStatusCode.OK, desk);
        }
        var secretariat = (await app.Data.ReferenceOrganisationAsync("je-isac")).Id;
        (await ContactsAsync(member, secretariat)).ShouldBe(HttpStatusCode.OK, "a member reaches its CEPTOAR's secretariat");
        (await ContactsAsync(outsider, secretariat)).ShouldBe(HttpStatusCode.NotFound, "not a member of that CEPTOAR");
        (await ContactsAsync(outsider, memberOrg.Id)).ShouldBe(HttpStatusCode.NotFound, "operators' contacts stay with their own chain");
    }
}

public sealed class DeskContactTests_Sqlite(SqliteApp app) : DeskContactTests<SqliteApp>(app);

public sealed class DeskContactTests_Postgres(PostgresApp app) : DeskContactTests<PostgresApp>(app);
