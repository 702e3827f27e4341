using System.CommandLine;
using Renkei.Cli;

// renkei — operations from the shell, against the same database the web host uses
// (RENKEI_DATABASE_URL, ConnectionStrings__Renkei or the SQLite file under RENKEI_DATA_DIR).
var root = new RootCommand("Renkei command line: schema migrations, reference data, bootstrap, audit verification, STIX backfill, interdependency simulation.");
root.Subcommands.Add(Commands.Migrate());
root.Subcommands.Add(Commands.Seed());
root.Subcommands.Add(Commands.Bootstrap());
root.Subcommands.Add(Commands.Correlate());
root.Subcommands.Add(Commands.Audit());
root.Subcommands.Add(Commands.Stix());
root.Subcommands.Add(Commands.Schema());
root.Subcommands.Add(Commands.Simulate());
return await root.Parse(args).InvokeAsync();
