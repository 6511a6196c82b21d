using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace NanoFleet.Hal.Esp32.Tests
{
    /// <summary>
    /// The .nfproj projects cannot be built here (their SDK is a Visual Studio extension), so their
    /// contents are checked instead: explicit Compile lists that match the folders (the TestFramework
    /// project's list must be exactly the tests the host bridge runs), references that match
    /// packages.config, one version per package, solution entries the host build never touches, and
    /// a solution build that skips them where their project system is missing.
    /// </summary>
    public class NanoProjectFilesTests
    {
        private const string NanoProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";
        private static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";

        public static IEnumerable<object[]> Projects => new[]
        {
            // project, folder of the sources it must compile, subfolder left out
            new object[] { "hal/NanoFleet.Hal/NanoFleet.Hal.nfproj", "hal/NanoFleet.Hal", "" },
            new object[] { "firmware/NanoFleet.Provisioning/NanoFleet.Provisioning.nfproj", "firmware/NanoFleet.Provisioning", "" },
            new object[] { "hal/NanoFleet.Hal.Esp32/NanoFleet.Hal.Esp32.nfproj", "hal/NanoFleet.Hal.Esp32", "native" },
            new object[] { "firmware/NanoFleet.Firmware/NanoFleet.Firmware.nfproj", "firmware/NanoFleet.Firmware", "" },
            new object[] { "tests/NanoFleet.Provisioning.NanoTests/NanoFleet.Provisioning.NanoTests.nfproj", "tests/NanoFleet.Provisioning.Tests/Nano", "" },
        };

        /// <summary>Just the project paths of <see cref="Projects"/>.</summary>
        public static IEnumerable<object[]> ProjectFiles => Projects.Select(row => new[] { row[0] });

        [Theory]
        [MemberData(nameof(Projects))]
        public void CompileList_IsExactlyTheSourceFolder(string project, string folder, string skipped)
        {
            var listed = CompileItems(project).Select(Path.GetFullPath).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var onDisk = SourceFiles(folder, skipped).OrderBy(p => p, StringComparer.Ordinal).ToList();

            var missing = onDisk.Except(listed).Select(Relative).ToList();
            var extra = listed.Except(onDisk).Select(Relative).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0,
                project + " is out of date (run tools/sync-nanotests.sh). Missing: [" + string.Join(", ", missing) + "] Not on disk: [" + string.Join(", ", extra) + "]");
        }

        [Fact]
        public void TestProject_CompilesTheSameTestsTheHostBridgeRuns()
        {
            // The host bridge (tests/NanoFleet.Provisioning.Tests) compiles every .cs under Nano/ by the SDK's default glob.
            var bridged = SourceFiles("tests/NanoFleet.Provisioning.Tests/Nano", "").Select(Relative).OrderBy(p => p, StringComparer.Ordinal);
            var nano = CompileItems("tests/NanoFleet.Provisioning.NanoTests/NanoFleet.Provisioning.NanoTests.nfproj")
                .Select(p => Relative(Path.GetFullPath(p))).OrderBy(p => p, StringComparer.Ordinal);

            Assert.Equal(bridged, nano);
        }

        [Fact]
        public void TestProject_IsATestFrameworkContainerNamedNFUnitTest()
        {
            var doc = Load("tests/NanoFleet.Provisioning.NanoTests/NanoFleet.Provisioning.NanoTests.nfproj");

            Assert.Equal("NFUnitTest", Property(doc, "AssemblyName"));
            Assert.Equal("true", Property(doc, "IsTestProject"));
            Assert.Contains(doc.Descendants(Ms + "ProjectCapability"), e => (string?)e.Attribute("Include") == "TestContainer");
            Assert.Equal(@"$(MSBuildProjectDirectory)\nano.runsettings", Property(doc, "RunSettingsFilePath"));
            var settings = XDocument.Load(RepoPaths.Combine("tests/NanoFleet.Provisioning.NanoTests/nano.runsettings"));
            Assert.Equal("False", settings.Root!.Element("nanoFrameworkAdapter")!.Element("IsRealHardware")!.Value);
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void Project_IsAClassicNanoFrameworkProject(string project, string folder, string skipped)
        {
            _ = (folder, skipped);
            var doc = Load(project);
            Assert.StartsWith(NanoProjectType, Property(doc, "ProjectTypeGuids"));
            Assert.Equal("v1.0", Property(doc, "TargetFrameworkVersion"));
            foreach (var reference in doc.Descendants(Ms + "ProjectReference"))
            {
                string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepoPaths.Combine(project))!, Windows((string)reference.Attribute("Include")!)));
                Assert.True(File.Exists(target) && target.EndsWith(".nfproj", StringComparison.Ordinal), project + " references " + target);
            }
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void References_ComeFromThePackagesConfigVersions(string project, string folder, string skipped)
        {
            _ = (folder, skipped);
            var packages = PackagesConfig(Path.Combine(Path.GetDirectoryName(project)!, "packages.config"));
            var hintPaths = Load(project).Descendants(Ms + "HintPath").Select(h => h.Value).ToList();

            Assert.NotEmpty(hintPaths);
            foreach (string hint in hintPaths)
            {
                var match = Regex.Match(hint, @"^(\.\.\\)+packages\\(?<package>[^\\]+)\\lib\\[^\\]+\.(dll|exe)$");
                Assert.True(match.Success, project + ": unexpected HintPath " + hint);
                string folderName = match.Groups["package"].Value;
                Assert.Contains(packages, p => p.Key + "." + p.Value == folderName);
                Assert.Equal(RepoPaths.Root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepoPaths.Combine(project))!, Windows(hint.Substring(0, hint.IndexOf("packages", StringComparison.Ordinal))))).TrimEnd(Path.DirectorySeparatorChar));
            }
        }

        [Fact]
        public void PackageVersions_AreTheSameEverywhere_AndCoreLibraryMatchesTheHostBuild()
        {
            var versions = new Dictionary<string, string>();
            foreach (object[] row in Projects)
            {
                foreach (var (id, version) in PackagesConfig(Path.Combine(Path.GetDirectoryName((string)row[0])!, "packages.config")))
                {
                    if (versions.TryGetValue(id, out var seen))
                    {
                        Assert.True(seen == version, id + " is " + seen + " in one project and " + version + " in " + row[0]);
                    }

                    versions[id] = version;
                }
            }

            string central = File.ReadAllText(RepoPaths.Combine("Directory.Packages.props"));
            string hostCoreLibrary = Regex.Match(central, "nanoFramework.CoreLibrary\" Version=\"([^\"]+)\"").Groups[1].Value;
            Assert.Equal(hostCoreLibrary, versions["nanoFramework.CoreLibrary"]);
        }

        [Fact]
        public void Solution_HoldsEveryNanoProjectWithTheNanoFrameworkType()
        {
            string sln = File.ReadAllText(RepoPaths.Combine("nf.sln"));
            foreach (object[] row in Projects)
            {
                string path = ((string)row[0]).Replace('/', '\\');
                Assert.Matches(new Regex(Regex.Escape("Project(\"" + NanoProjectType + "\") = \"") + "[^\"]+\", \"" + Regex.Escape(path) + "\""), sln);
            }
        }

        [Fact]
        public void Solution_HasNoTwoProjectsOfOneNameInAFolder()
        {
            // `dotnet sln` names projects by file name and refuses a solution where two share a name in one
            // folder (NanoFleet.Provisioning.csproj and .nfproj would), which breaks `dotnet sln add` for everyone.
            string sln = File.ReadAllText(RepoPaths.Combine("nf.sln"));
            var projects = Regex.Matches(sln, "Project\\(\"\\{[^}]+\\}\"\\) = \"[^\"]+\", \"([^\"]+)\", \"(\\{[^}]+\\})\"")
                .ToDictionary(m => m.Groups[2].Value, m => Path.GetFileNameWithoutExtension(m.Groups[1].Value.Replace('\\', '/')));
            var parents = Regex.Matches(sln, "\t\t(\\{[^}]+\\}) = (\\{[^}]+\\})").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

            var clashes = projects.GroupBy(p => (Folder: parents.GetValueOrDefault(p.Key, "root"), Name: p.Value))
                .Where(g => g.Count() > 1).Select(g => g.Key.Name).ToList();
            Assert.True(clashes.Count == 0, "Same project name twice in one solution folder: " + string.Join(", ", clashes));
        }

        /// <summary>
        /// Without the nanoFramework project system (as here), building or testing nf.sln must skip
        /// the .nfproj projects, not fail on a missing target: MSBuild runs each one's targets for real.
        /// </summary>
        [Theory]
        [MemberData(nameof(ProjectFiles))]
        public void WithoutTheProjectSystem_BuildAndTestSkipTheProject(string project)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "msbuild", RepoPaths.Combine(project), "-t:Restore;Build;VSTest", "-nologo", "-v:m" })
            {
                start.ArgumentList.Add(argument);
            }

            using var msbuild = Process.Start(start)!;
            string output = msbuild.StandardOutput.ReadToEnd() + msbuild.StandardError.ReadToEnd();
            msbuild.WaitForExit();

            Assert.True(msbuild.ExitCode == 0, output);
            Assert.Contains(Path.GetFileNameWithoutExtension(project) + ": skipped, the nanoFramework project system is not installed", output);
        }

        [Fact]
        public void HostSolution_HoldsNoProjectThatNeedsTheToolchain()
        {
            // The ESP32 HAL and firmware nano builds compile against libraries the nanoFramework toolchain builds;
            // the host build and Visual Studio's nf.sln must build without it.
            string filter = File.ReadAllText(RepoPaths.Combine("NanoFleet.Host.slnf"));
            string sln = File.ReadAllText(RepoPaths.Combine("nf.sln"));
            Assert.DoesNotContain(".nfproj", filter);
            foreach (string project in new[] { "NanoFleet.Hal.Esp32.Nano", "NanoFleet.Firmware.Nano" })
            {
                Assert.DoesNotContain(project, filter);
                Assert.DoesNotContain(project, sln);
            }
        }

        private static XDocument Load(string project) => XDocument.Load(RepoPaths.Combine(project));

        private static string Property(XDocument doc, string name) => doc.Descendants(Ms + name).Select(e => e.Value).FirstOrDefault() ?? "";

        private static string Windows(string path) => path.Replace('\\', Path.DirectorySeparatorChar);

        private static string Relative(string fullPath) => Path.GetRelativePath(RepoPaths.Root, fullPath).Replace('\\', '/');

        private static IEnumerable<string> CompileItems(string project)
        {
            string dir = Path.GetDirectoryName(RepoPaths.Combine(project))!;
            return Load(project).Descendants(Ms + "Compile").Select(c => Path.Combine(dir, Windows((string)c.Attribute("Include")!)));
        }

        private static IEnumerable<string> SourceFiles(string folder, string skipped)
        {
            string root = RepoPaths.Combine(folder);
            return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f =>
                {
                    string[] parts = Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar);
                    return !parts.Contains("bin") && !parts.Contains("obj") && (skipped.Length == 0 || parts[0] != skipped);
                })
                .Select(Path.GetFullPath);
        }

        private static List<KeyValuePair<string, string>> PackagesConfig(string relative)
        {
            return XDocument.Load(RepoPaths.Combine(relative)).Root!.Elements("package")
                .Select(p => new KeyValuePair<string, string>((string)p.Attribute("id")!, (string)p.Attribute("version")!)).ToList();
        }
    }
}
