using System;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace NanoFleet.Tests.Shared
{
    /// <summary>
    /// Debian's Chromium (/usr/bin/chromium, installed by tools/setup.sh), headless, driven by
    /// Playwright: Playwright's own browser download is not used. Without the background-networking
    /// flags Chromium keeps calling home, which on a closed network only floods it.
    /// </summary>
    public sealed class HeadlessChromium : IAsyncDisposable
    {
        /// <summary>The browser binary.</summary>
        public const string ExecutablePath = "/usr/bin/chromium";

        private static readonly string[] Args =
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        };

        private readonly IPlaywright _playwright;

        private HeadlessChromium(IPlaywright playwright, IBrowser browser)
        {
            _playwright = playwright;
            Browser = browser;
        }

        /// <summary>The browser.</summary>
        public IBrowser Browser { get; }

        /// <summary>Starts the browser.</summary>
        public static async Task<HeadlessChromium> LaunchAsync()
        {
            IPlaywright playwright = await Playwright.CreateAsync();
            try
            {
                IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath,
                    Headless = true,
                    Args = Args,
                    Timeout = 120_000,
                });
                return new HeadlessChromium(playwright, browser);
            }
            catch
            {
                playwright.Dispose();
                throw;
            }
        }

        /// <inheritdoc/>
        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
