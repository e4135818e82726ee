using ComplianceBot.Cli;

// Without a command: the web host (POST /api/messages). Commands: ask, chat, eval (see --help).
return await CommandLine.InvokeAsync(CommandLine.Parse(CommandLine.Build(Console.Out, Console.In), args));
