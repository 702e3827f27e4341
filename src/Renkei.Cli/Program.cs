using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renkei.Storage;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var settings = DatabaseSettings.FromConfiguration(configuration);
var services = new ServiceCollection();
services.AddLogging(b => b.AddSimpleConsole());
services.AddSingleton(TimeProvider.System);
services.AddRenkeiStorage(settings);
using var provider = services.BuildServiceProvider();
using var scope = provider.CreateScope();
var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
Console.WriteLine(db.Database.GenerateCreateScript());
