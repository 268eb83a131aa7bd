using BenchmarkDotNet.Running;
using Commerce.Benchmarks.Grains;
using Commerce.Benchmarks.Pricing;

// ./run bench grains [--events N] [--players N] [--rate N] [--seconds N] [--alloc] [--write-parts] the Kafka -> grains pipeline and its parts
// ./run bench pricing [--rate N] [--seconds N] [--warmup N] [--players N]    interest -> OfferMade pushed, embedded platform
// ./run bench chain [--seconds N] [--rate N] [--burst N] [--batch N]     executor vs raw sends to Anvil
// ./run bench orders [--players N] [--orders N] [--rate N] [--timeout S]  orders end to end to confirmed, vs raw purchases
// ./run bench chat [--rate N] [--seconds N] [--warmup N] [--players N]    POST /api/me/chat (local recognizer) vs a plain GET and the recognizer alone
// ./run bench chat-accuracy                                               the local recognizer's intent accuracy on the held-out utterances

// ./run bench auctions [--auctions N] [--workers N] [--seconds N] [--rate N] [--window S]  bids through auction grains, vs a bare grain call

// ./run bench connectors [--events N] [--parts] [--only crm|marketplace] CDC and marketplace events into Kafka, vs raw produce (and each step alone)

// ./run bench marketing [--players N] [--events N]                         rule backfill over stored sessions, live targeting per event
// ./run bench airdrops [--airdrops N] [--batch B]                          campaign mintBatch commands through the executor on Anvil, vs raw sends
// ./run bench <BenchmarkDotNet arguments>                                 micro benchmarks (e.g. --filter '*')
if (args.Length > 0 && args[0] == "grains")
    return await GrainPipelineBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "chain")
    return await Commerce.Benchmarks.Chain.ExecutorBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "orders")
    return await Commerce.Benchmarks.Orders.OrdersBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "chat")
    return await Commerce.Benchmarks.Chat.ChatBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "chat-accuracy")
    return Commerce.Benchmarks.Chat.ChatAccuracy.Run();

if (args.Length > 0 && args[0] == "auctions")
    return await Commerce.Benchmarks.Auctions.AuctionBenchmark.RunAsync(args[1..]);

if (args.Length > 0 && args[0] == "connectors")
    return await Commerce.Benchmarks.Connectors.ConnectorsBenchmark.RunAsync(args[1..]);

if (args.Length > 0 && args[0] == "airdrops")
    return await Commerce.Benchmarks.Marketing.AirdropBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "marketing")
    return await Commerce.Benchmarks.Marketing.MarketingBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "pricing")
    return await PricingLatencyBenchmark.RunAsync(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
