using Renkei.ContactChecks;

namespace Renkei.Core.Tests.ContactChecks;

public sealed class ConfirmationTokenTests
{
    [Fact]
    public void New_IsUrlSafeAndUnique_AndOnlyItsHashIsStored()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => ConfirmationToken.New()).ToList();
        tokens.Distinct().Count().ShouldBe(100);
        tokens.ShouldAllBe(t => t.Length == 43 && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
        var hash = ConfirmationToken.Hash(tokens[0]);
        hash.Length.ShouldBe(64);
        hash.ShouldBe(ConfirmationToken.Hash(tokens[0]));
        hash.ShouldNotBe(ConfirmationToken.Hash(tokens[1]));
    }
}
