using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Renkei.Web.Tests.Architecture;

/// <summary>One place in the source that breaks an architecture rule.</summary>
public sealed record Violation(string File, int Line, string What)
{
    public override string ToString() => $"{File}:{Line}: {What}";
}

/// <summary>
/// Reads the project's C# sources with the compiler (syntax and semantic model, no build) and
/// finds where code reads a restricted table of <c>RenkeiDbContext</c> directly, or where a web
/// file touches the context at all.
/// </summary>
/// <remarks>
/// Symbols, not text: an alias (<c>var d = db; d.Reports</c>), <c>db.Set&lt;Report&gt;()</c> or a
/// context reached through another member is found as well as <c>db.Reports</c>. Adding, removing
/// and attaching entities are writes, not reads, and are allowed anywhere (they are audited by
/// SaveChanges).
/// </remarks>
public static class SourceScanner
{
    /// <summary>DbSet methods that change the set without reading from it.</summary>
    private static readonly HashSet<string> WriteMethods = ["Add", "AddAsync", "AddRange", "AddRangeAsync", "Remove", "RemoveRange", "Attach", "AttachRange", "Update", "UpdateRange"];

    private const string ContextType = "Renkei.Storage.RenkeiDbContext";

    /// <summary>A compilation of every .cs file below <paramref name="folder"/> (bin and obj left out), against the test's own assemblies.</summary>
    public static CSharpCompilation Compile(string folder, params string[] excludeAssemblies)
    {
        var trees = System.IO.Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Preview), path: f))
            .ToList();
        return Compile(trees, excludeAssemblies);
    }

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, params string[] excludeAssemblies)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = System.IO.Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        var references = platform.Concat(local)
            .Where(p => !excludeAssemblies.Contains(Path.GetFileNameWithoutExtension(p)))
            .GroupBy(Path.GetFileName).Select(g => g.First())
            .Where(IsManagedAssembly)
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create("Scan", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    }

    /// <summary>Reads of a restricted entity's DbSet (<paramref name="restricted"/>: full type names).</summary>
    public static IEnumerable<Violation> RestrictedReads(CSharpCompilation compilation, IReadOnlySet<string> restricted, string root)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (RestrictedEntity(model, node, restricted) is not { } entity || IsWrite(node))
                {
                    continue;
                }
                yield return new Violation(Relative(tree.FilePath, root), tree.GetLineSpan(node.Span).StartLinePosition.Line + 1, $"reads {entity} directly");
            }
        }
    }

    /// <summary>Every mention of the database context in <paramref name="compilation"/>'s files.</summary>
    public static IEnumerable<Violation> ContextUses(CSharpCompilation compilation, string root)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var line = tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>()
                .Where(n => model.GetSymbolInfo(n).Symbol is INamedTypeSymbol t && t.ToDisplayString() == ContextType)
                .Select(n => tree.GetLineSpan(n.Span).StartLinePosition.Line + 1)
                .FirstOrDefault();
            if (line > 0)
            {
                yield return new Violation(Relative(tree.FilePath, root), line, "uses RenkeiDbContext");
            }
        }
    }

    /// <summary>Every <c>new T(…)</c> of one of <paramref name="types"/> (full names).</summary>
    public static IEnumerable<Violation> Constructions(CSharpCompilation compilation, IReadOnlySet<string> types, string root)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (model.GetTypeInfo(node).Type is { } type && types.Contains(type.ToDisplayString()))
                {
                    yield return new Violation(Relative(tree.FilePath, root), tree.GetLineSpan(node.Span).StartLinePosition.Line + 1, $"makes {type.ToDisplayString()}");
                }
            }
        }
    }

    /// <summary>The restricted entity a DbSet property access or Set&lt;T&gt;() call on the context yields, if any.</summary>
    private static string? RestrictedEntity(SemanticModel model, SyntaxNode node, IReadOnlySet<string> restricted)
    {
        ITypeSymbol? setType = null;
        switch (node)
        {
            case MemberAccessExpressionSyntax access when model.GetSymbolInfo(access).Symbol is IPropertySymbol property && IsContext(model.GetTypeInfo(access.Expression).Type):
                setType = property.Type;
                break;
            case IdentifierNameSyntax identifier when identifier.Parent is not MemberAccessExpressionSyntax { Name: var name } || name != identifier:
                // A DbSet property used without a receiver: code inside the context itself.
                if (model.GetSymbolInfo(identifier).Symbol is IPropertySymbol own && IsContext(own.ContainingType) && !own.IsStatic)
                {
                    setType = own.Type;
                }
                break;
            // Set<T>() is declared on DbContext: what counts is the receiver's type (or, without
            // one, the class the call is written in).
            case InvocationExpressionSyntax invocation when model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { Name: "Set", IsGenericMethod: true } method
                && IsContext(invocation.Expression is MemberAccessExpressionSyntax call
                    ? model.GetTypeInfo(call.Expression).Type
                    : model.GetEnclosingSymbol(invocation.SpanStart)?.ContainingType)
                && !DeclaresSet(model, invocation):
                setType = method.ReturnType;
                break;
        }
        if (setType is not INamedTypeSymbol { Name: "DbSet", TypeArguments: [var entity] })
        {
            return null;
        }
        var entityName = entity.ToDisplayString();
        return restricted.Contains(entityName) ? entityName : null;
    }

    /// <summary>The context's own <c>public DbSet&lt;T&gt; X =&gt; Set&lt;T&gt;();</c>: a declaration, not a read.</summary>
    private static bool DeclaresSet(SemanticModel model, InvocationExpressionSyntax invocation) =>
        invocation.Parent is ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property }
        && model.GetDeclaredSymbol(property) is { Type: INamedTypeSymbol { Name: "DbSet" } };

    private static bool IsContext(ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == ContextType)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the set is only written to: <c>db.X.Add(…)</c> and the like.</summary>
    private static bool IsWrite(SyntaxNode node) =>
        node.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } call
        && call.Expression == node
        && WriteMethods.Contains(call.Name.Identifier.ValueText);

    private static string Relative(string path, string root) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
