using System.CommandLine;
using ComplianceBot.Cli;

namespace ComplianceBot.Tests.Support;

/// <summary>Runs the real command line in-process, as a user's shell would, and captures what it prints.</summary>
public static class Cli
{
    /// <summary>Runs <paramref name="args"/> with <paramref name="input"/> as standard input; returns the exit code and the output.</summary>
    public static Task<(int ExitCode, string Output)> RunWithInputAsync(string input, params string[] args) => RunAsync(input, null, args);

    /// <summary>Runs <paramref name="args"/> with empty standard input and <paramref name="time"/> as the clock.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(TimeProvider time, params string[] args) => RunAsync(string.Empty, time, args);

    private static async Task<(int ExitCode, string Output)> RunAsync(string input, TimeProvider? time, string[] args)
    {
        var output = new StringWriter();
        var root = CommandLine.Build(output, new StringReader(input), time);
        var exitCode = await CommandLine.InvokeAsync(CommandLine.Parse(root, args), new InvocationConfiguration { Output = output, Error = output });
        return (exitCode, output.ToString());
    }

    /// <summary>Runs <paramref name="args"/> with empty standard input.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);
}
