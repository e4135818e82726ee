using ComplianceBot.Cli;

// Without a command: the web host (serve). The commands: see --help, or src/ComplianceBot/Cli/*Command.cs.
return await CommandLine.InvokeAsync(CommandLine.Parse(CommandLine.Build(Console.Out, Console.In), args));
