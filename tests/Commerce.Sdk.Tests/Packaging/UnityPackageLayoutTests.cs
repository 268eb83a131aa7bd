using System.Text.RegularExpressions;
using System.Xml.Linq;
using Commerce.Sdk;

namespace Commerce.Sdk.Tests.Packaging;

/// <summary>The SDK folder must stay usable as a Unity package added by git URL.</summary>
public sealed partial class UnityPackageLayoutTests
{
    private static readonly string PackageRoot = FindPackageRoot();

    [Fact]
    public void Every_package_file_and_folder_has_a_unity_meta_with_a_unique_guid()
    {
        var assets = Directory.EnumerateFileSystemEntries(PackageRoot, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(PackageRoot, path))
            .Where(path => !path.EndsWith(".meta", StringComparison.Ordinal))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part =>
                part.StartsWith('.') || part.EndsWith('~') || part is "bin" or "obj"))
            .ToList();

        var missing = assets.Where(path => !File.Exists(Path.Combine(PackageRoot, path + ".meta"))).ToList();
        Assert.True(missing.Count == 0, "Unity ignores these without a .meta (run unity-client-stub/update-unity-meta.sh): "
            + string.Join(", ", missing));

        var guids = assets.Select(path => GuidLine().Match(File.ReadAllText(Path.Combine(PackageRoot, path + ".meta"))).Groups[1].Value).ToList();
        Assert.All(guids, guid => Assert.Matches("^[0-9a-f]{32}$", guid));
        Assert.Equal(guids.Count, guids.Distinct().Count());
    }

    [Fact]
    public void The_manifest_and_assembly_definitions_agree_with_the_folders()
    {
        var manifest = JsonReader.Parse(File.ReadAllText(Path.Combine(PackageRoot, "package.json")));
        Assert.Matches("^[a-z0-9.-]+$", manifest.GetStringOrDefault("name"));
        Assert.Matches(@"^\d+\.\d+\.\d+$", manifest.GetStringOrDefault("version"));
        Assert.All(manifest["samples"].Items, sample =>
            Assert.True(Directory.Exists(Path.Combine(PackageRoot, sample.GetStringOrDefault("path")!)), $"sample folder {sample}"));

        var runtime = JsonReader.Parse(File.ReadAllText(Path.Combine(PackageRoot, "Runtime", "Commerce.Sdk.asmdef")));
        Assert.Equal(typeof(CommerceClient).Assembly.GetName().Name, runtime.GetStringOrDefault("name"));
        Assert.True(runtime.GetBooleanOrDefault("noEngineReferences"), "the runtime must not need UnityEngine");
        Assert.Empty(runtime["references"].Items);
    }

    [Fact]
    public void The_link_file_preserves_the_sdk_and_travels_inside_the_dll()
    {
        var assembly = typeof(CommerceClient).Assembly;
        var onDisk = XDocument.Load(Path.Combine(PackageRoot, "Runtime", "link.xml"));
        Assert.Equal(assembly.GetName().Name, onDisk.Root!.Element("assembly")!.Attribute("fullname")!.Value);

        using var embedded = assembly.GetManifestResourceStream(assembly.GetName().Name + ".xml");
        Assert.NotNull(embedded);
        Assert.Equal(onDisk.ToString(), XDocument.Load(embedded!).ToString());
    }

    [Fact]
    public void The_sdk_references_nothing_but_netstandard()
    {
        var references = typeof(CommerceClient).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Equal(["netstandard"], references);
    }

    private static string FindPackageRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "unity-client-stub", "Commerce.Sdk");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("unity-client-stub/Commerce.Sdk not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^guid: (\\S+)$", RegexOptions.Multiline)]
    private static partial Regex GuidLine();
}
