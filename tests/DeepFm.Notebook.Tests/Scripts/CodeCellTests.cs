using DeepFm.NotebookScripts;

namespace DeepFm.Notebook.Tests.Scripts;

/// <summary>How one notebook code cell becomes part of a C# file; every expected text is written out by hand.</summary>
public sealed class CodeCellTests
{
    private static CodeCell Translate(string source) =>
        CodeCell.Translate("test.ipynb", new NotebookCell(3, "code", source, NotebookSource.CSharpKernel));

    [Fact]
    public void TheTrailingExpressionIsShownAndItsCommentKept()
    {
        var cell = Translate("var x = 1;\n$\"x is {x}\"   // what the cell displays");

        Assert.Equal("var x = 1;\nShow($\"x is {x}\");   // what the cell displays", cell.Statements);
    }

    [Fact]
    public void AMultiLineExpressionIsWrappedWhole()
    {
        var cell = Translate("new[]\n{\n    1,\n    2,\n}");

        Assert.Equal("Show(new[]\n{\n    1,\n    2,\n});", cell.Statements);
    }

    [Fact]
    public void APrintCallWithoutSemicolonStaysAPrint()
    {
        // The kernel shows nothing for a call that returns nothing; Show(Console.WriteLine(1)) would not compile.
        var cell = Translate("Console.WriteLine(1)   // printed");

        Assert.Equal("Console.WriteLine(1);   // printed", cell.Statements);
    }

    [Fact]
    public void AStatementWithASemicolonIsNotShown()
    {
        var cell = Translate("Console.WriteLine(1);");

        Assert.Equal("Console.WriteLine(1);", cell.Statements);
    }

    [Fact]
    public void DisplayCallsBecomeShowCalls()
    {
        var cell = Translate("display(1);\nforeach (var i in new[] { 2 }) display(i);\nobj.display(3);");

        Assert.Equal("Show(1);\nforeach (var i in new[] { 2 }) Show(i);\nobj.display(3);", cell.Statements);
    }

    [Fact]
    public void UsingsAreHoistedAndTypesMovedAfterTheStatements()
    {
        var cell = Translate("using System.Text;\nusing static System.Math;\n\nrecord Point(int X);\nvar p = new Point(1);\np");

        Assert.Equal(["using System.Text;", "using static System.Math;"], cell.Usings);
        Assert.Equal("var p = new Point(1);\nShow(p);", cell.Statements);
        Assert.Equal(["record Point(int X);\n"], cell.Types);
    }

    [Fact]
    public void ScriptVariablesAndMethodsAreNamed()
    {
        var cell = Translate("int[] ages = [1, 2];\nvar total = 0;\nfloat Half(float value) => value / 2;");

        Assert.Equal(["ages", "total", "Half"], cell.DeclaredNames);
        Assert.Equal("int[] ages = [1, 2];\nvar total = 0;\nfloat Half(float value) => value / 2;", cell.Statements);
    }

    [Fact]
    public void APinnedPackageBecomesAPackageDirective()
    {
        var cell = Translate("#r \"nuget: Some.Package, 1.2.3\"\nvar x = 1;");

        Assert.Equal([new PackageReference("Some.Package", "1.2.3")], cell.Packages);
        Assert.Equal("var x = 1;", cell.Statements);
    }

    [Fact]
    public void CSharpSubmissionSeparatorsAreFollowed()
    {
        var cell = Translate("var x = 1;\n#!csharp\nx");

        Assert.Equal("var x = 1;\nShow(x);", cell.Statements);
    }

    [Theory]
    [InlineData("#!time\nvar x = 1;", "'#!time'")]
    [InlineData("#load \"other.csx\"\nvar x = 1;", "#load")]
    [InlineData("#r \"nuget: Some.Package\"", "does not pin a version")]
    [InlineData("#r \"lib/Other.dll\"", "loads a file")]
    [InlineData("public int Count { get; set; }", "PropertyDeclaration")]
    [InlineData("public static int twice(int x) => 2 * x;", "'public'")]
    [InlineData("var x = ;", "syntax error")]
    public void WhatAFileCannotHoldIsAnErrorNamingTheCell(string source, string expected)
    {
        var error = Assert.Throws<NotebookTranslationException>(() => Translate(source));

        Assert.Contains("test.ipynb, cell 3", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AnotherKernelIsAnError()
    {
        var error = Assert.Throws<NotebookTranslationException>(() =>
            CodeCell.Translate("test.ipynb", new NotebookCell(2, "code", "let x = 1", "fsharp")));

        Assert.Contains("'fsharp' kernel", error.Message);
    }
}
