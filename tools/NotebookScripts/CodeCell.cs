using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepFm.NotebookScripts;

/// <summary>
/// One code cell as it goes into a C# file: its <c>using</c> directives (hoisted to the top of the file), its
/// statements (in place, the displayed value wrapped in <c>Show(…)</c>), its type declarations (moved after all
/// statements, where a file-based app needs them) and the names it declares at the top level.
/// </summary>
/// <remarks>
/// Script code and a C# file's top-level statements differ in a few ways, each handled here by the parser's
/// syntax tree, never by matching text:
/// <list type="bullet">
/// <item>A cell's last expression without a semicolon is what the notebook displays; <c>display(x)</c> displays
/// too. Both become <c>Show(x);</c> (<c>ScriptOutput.Show</c>).</item>
/// <item>Script variables and methods (fields and methods of the submission) become locals and local functions:
/// the same text, without modifiers a local cannot have.</item>
/// <item><c>#r "nuget: …"</c> becomes a <c>#:package</c> directive; <c>#r</c> of a file and <c>#load</c> are errors.</item>
/// </list>
/// </remarks>
public sealed record CodeCell(
    IReadOnlyList<string> Usings,
    string Statements,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> DeclaredNames,
    IReadOnlyList<PackageReference> Packages)
{
    /// <summary>The method a script calls to show a value (<c>using static ScriptOutput</c>).</summary>
    public const string ShowMethod = "Show";

    private static readonly HashSet<SyntaxKind> LocalFunctionModifiers =
        [SyntaxKind.StaticKeyword, SyntaxKind.AsyncKeyword, SyntaxKind.UnsafeKeyword];

    private static readonly HashSet<SyntaxKind> ConstModifier = [SyntaxKind.ConstKeyword];

    /// <summary>Translates <paramref name="cell"/>.</summary>
    /// <exception cref="NotebookTranslationException">The cell holds something a C# file cannot.</exception>
    public static CodeCell Translate(string notebook, NotebookCell cell)
    {
        var usings = new List<string>();
        var statements = new StringBuilder();
        var types = new List<string>();
        var names = new List<string>();
        var packages = new List<PackageReference>();
        foreach (var parsed in CellSyntax.Parse(notebook, cell))
        {
            packages.AddRange(PackagesOf(notebook, cell, parsed));
            var submission = (CompilationUnitSyntax)new ScriptToFileRewriter().Visit(parsed);
            if (submission.Externs.Count > 0 || submission.AttributeLists.Count > 0)
                throw NotebookTranslationException.InCell(notebook, cell,
                    "'extern alias' and assembly attributes have no place in a generated script; move them to the library.");
            foreach (var directive in submission.Usings)
            {
                if (directive.GlobalKeyword != default)
                    throw NotebookTranslationException.InCell(notebook, cell, "'global using' is not allowed in a script cell.");
                usings.Add(directive.WithoutTrivia().ToFullString());
                statements.Append(Comments(directive.GetLeadingTrivia()));
            }
            var members = submission.Members;
            for (int index = 0; index < members.Count; index++)
            {
                var member = members[index];
                switch (member)
                {
                    case GlobalStatementSyntax { Statement: ExpressionStatementSyntax expression } when
                        expression.SemicolonToken.IsMissing:
                        statements.Append(PrintsItself(expression.Expression)
                            ? expression.WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)
                                .WithTrailingTrivia(expression.Expression.GetTrailingTrivia()))
                                .WithExpression(expression.Expression.WithoutTrailingTrivia()).ToFullString()
                            : Displayed(expression.Expression));
                        break;
                    case GlobalStatementSyntax global:
                        names.AddRange(global.Statement switch
                        {
                            LocalDeclarationStatementSyntax local => local.Declaration.Variables.Select(v => v.Identifier.ValueText),
                            LocalFunctionStatementSyntax function => [function.Identifier.ValueText],
                            _ => [],
                        });
                        statements.Append(global.ToFullString());
                        break;
                    case FieldDeclarationSyntax field:
                        RequireModifiers(notebook, cell, field.Modifiers, ConstModifier, "a script variable");
                        names.AddRange(field.Declaration.Variables.Select(variable => variable.Identifier.ValueText));
                        statements.Append(field.ToFullString());
                        break;
                    case MethodDeclarationSyntax method:
                        RequireModifiers(notebook, cell, method.Modifiers, LocalFunctionModifiers, "a script method");
                        names.Add(method.Identifier.ValueText);
                        statements.Append(method.ToFullString());
                        break;
                    case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                        types.Add(member.ToFullString().Trim('\n') + "\n");
                        break;
                    default:
                        throw NotebookTranslationException.InCell(notebook, cell,
                            $"a {member.Kind()} at the top of a cell has no equivalent among a C# file's top-level " +
                            "statements; declare it inside a class (a script keeps classes after its statements).");
                }
            }
            statements.Append(submission.EndOfFileToken.LeadingTrivia.ToFullString());
            statements.Append('\n');
        }
        return new CodeCell(usings, TrimLines(statements.ToString()), types, names, packages);
    }

    /// <summary>The displayed expression as a statement: <c>Show(expression);</c>, its comments kept.</summary>
    private static string Displayed(ExpressionSyntax expression) =>
        expression.GetLeadingTrivia().ToFullString() + ShowMethod + "(" + expression.WithoutTrivia().ToFullString() + ");" +
        expression.GetTrailingTrivia().ToFullString();

    /// <summary>
    /// <c>Console.WriteLine(…)</c> or <c>Console.Write(…)</c> left without a semicolon: the kernel displays nothing
    /// (the call returns nothing), so the script ends the statement instead of showing a value that does not exist.
    /// </summary>
    private static bool PrintsItself(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax
            {
                Expression: IdentifierNameSyntax { Identifier.ValueText: "Console" } or
                    MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Console" },
                Name.Identifier.ValueText: "WriteLine" or "Write",
            },
        };

    private static IEnumerable<PackageReference> PackagesOf(string notebook, NotebookCell cell, CompilationUnitSyntax submission)
    {
        foreach (var trivia in submission.DescendantTrivia())
        {
            switch (trivia.GetStructure())
            {
                case ReferenceDirectiveTriviaSyntax reference:
                    yield return CellSyntax.PackageOf(notebook, cell, reference) ?? throw NotebookTranslationException.InCell(
                        notebook, cell, $"'#r \"{reference.File.ValueText}\"' loads a file; only the set-up cell may load the " +
                                        "library (a script references its project). Use a '#r \"nuget: …\"' package or the library.");
                    break;
                case LoadDirectiveTriviaSyntax load:
                    throw NotebookTranslationException.InCell(notebook, cell,
                        $"'#load \"{load.File.ValueText}\"' compiles another file into the kernel; a script cannot. Move the " +
                        "code into the library and call it from there.");
            }
        }
    }

    private static void RequireModifiers(string notebook, NotebookCell cell, SyntaxTokenList modifiers,
        IReadOnlySet<SyntaxKind> allowed, string what)
    {
        var refused = modifiers.FirstOrDefault(modifier => !allowed.Contains(modifier.Kind()));
        if (refused != default)
            throw NotebookTranslationException.InCell(notebook, cell,
                $"{what} declared '{refused.ValueText}' cannot become a local of a C# file's top-level statements; drop " +
                $"'{refused.ValueText}' in the notebook.");
    }

    // Comments written before a using directive stay in the cell's code; the directive itself moves to the top.
    private static string Comments(SyntaxTriviaList trivia) =>
        trivia.Any(item => item.IsKind(SyntaxKind.SingleLineCommentTrivia) || item.IsKind(SyntaxKind.MultiLineCommentTrivia))
            ? trivia.ToFullString()
            : "";

    /// <summary>Without blank lines at the start and the end, and without spaces at line ends.</summary>
    public static string TrimLines(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.TrimEnd())).Trim('\n');

    /// <summary>
    /// Removes <c>#r</c> and <c>#load</c> directives (they become <c>#:package</c> lines or errors) and turns
    /// <c>display(x)</c> into <c>Show(x)</c>.
    /// </summary>
    private sealed class ScriptToFileRewriter() : CSharpSyntaxRewriter(visitIntoStructuredTrivia: false)
    {
        public override SyntaxTrivia VisitTrivia(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.ReferenceDirectiveTrivia) || trivia.IsKind(SyntaxKind.LoadDirectiveTrivia)
                ? default
                : base.VisitTrivia(trivia);

        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
            return visited.Expression is IdentifierNameSyntax { Identifier.ValueText: "display" } name
                ? visited.WithExpression(SyntaxFactory.IdentifierName(ShowMethod).WithTriviaFrom(name))
                : visited;
        }
    }
}
