using BenchmarkDotNet.Running;
using Commerce.Benchmarks.Grains;

// ./run bench grains [--events N] [--players N] [--rate N] [--seconds N]   the Kafka -> grains pipeline
// ./run bench <BenchmarkDotNet arguments>                                 micro benchmarks (e.g. --filter '*')
if (args.Length > 0 && args[0] == "grains")
    return await GrainPipelineBenchmark.RunAsync(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
