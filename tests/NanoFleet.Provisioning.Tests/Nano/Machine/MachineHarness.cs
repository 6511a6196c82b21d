using System.Collections;
using NanoFleet.Hal;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// Drives a <see cref="ProvisioningMachine"/> by hand with a fake clock (<see cref="Now"/>), keeps
    /// the actions of the last event and every log event, and plays the cloud's happy answers.
    /// </summary>
    public sealed class MachineHarness
    {
        /// <summary>The device MAC used by every test.</summary>
        public const string Mac = "a4cf12003456";

        /// <summary>The template name used by every test.</summary>
        public const string Template = "fleet-tpl";

        /// <summary>Creates a machine with <see cref="DefaultOptions"/>.</summary>
        public MachineHarness(bool useCsr)
            : this(DefaultOptions(), useCsr)
        {
        }

        /// <summary>Creates a machine with the given options.</summary>
        public MachineHarness(ProvisioningOptionsBuilder options, bool useCsr)
        {
            Claim = NewClaim();
            Options = options.Build();
            Random = new SequenceRandom();
            Machine = new ProvisioningMachine(Options, Claim, Mac, useCsr, Random);
            UseCsr = useCsr;
        }

        /// <summary>The claim (its key is "CLAIM-KEY-SECRET").</summary>
        public ProvisioningClaim Claim { get; }

        /// <summary>The built options.</summary>
        public ProvisioningOptions Options { get; }

        /// <summary>The backoff randomness.</summary>
        public SequenceRandom Random { get; }

        /// <summary>The machine under test.</summary>
        public ProvisioningMachine Machine { get; }

        /// <summary>True for the CreateCertificateFromCsr flow.</summary>
        public bool UseCsr { get; }

        /// <summary>The fake monotonic clock in milliseconds.</summary>
        public long Now { get; set; }

        /// <summary>The actions of the last event.</summary>
        public ActionList Actions { get; } = new ActionList();

        /// <summary>Every log event so far as "Name: detail".</summary>
        public ArrayList Logs { get; } = new ArrayList();

        /// <summary>Every action so far, rendered with ToString().</summary>
        public ArrayList Rendered { get; } = new ArrayList();

        /// <summary>The claim every test uses.</summary>
        public static ProvisioningClaim NewClaim()
        {
            var claim = new ProvisioningClaim
            {
                CaPem = TestBytes.Utf8Of(TestPayloads.Pem("CERTIFICATE", 900)),
                CertificatePem = TestBytes.Utf8Of(TestPayloads.Pem("CERTIFICATE", 901)),
                PrivateKeyPem = TestBytes.Utf8Of("CLAIM-KEY-SECRET"),
                EndpointHost = "iot.example.test",
                EndpointPort = 8883,
                TemplateName = Template,
                Format = FpFormat.Json,
            };
            claim.Parameters.Set("SerialNumber", "SN-0001");
            return claim;
        }

        /// <summary>Options from the claim with small, checkable bounds: timeout 10 s, backoff 1 s..8 s over 4 attempts, long 600 s.</summary>
        public static ProvisioningOptionsBuilder DefaultOptions() =>
            new ProvisioningOptionsBuilder()
                .WithClaimDefaults(NewClaim())
                .WithStepTimeout(10000)
                .WithBackoff(1000, 8000, 4)
                .WithPermanentFailureBackoff(600000)
                .WithTokenExpiryMargin(300000)
                .WithCredentialsRejectedLimit(3);

        /// <summary>Stamps <paramref name="e"/> with <see cref="Now"/>, handles it, and records logs.</summary>
        public ActionList Send(ProvisioningEvent e)
        {
            e.AtMilliseconds = Now;
            e.AtUnixSeconds = 1700000000 + (Now / 1000);
            Actions.Clear();
            Machine.Handle(e, Actions);
            for (int i = 0; i < Actions.Count; i++)
            {
                ProvisioningAction action = Actions[i];
                Rendered.Add(action.ToString());
                if (action.Kind == ProvisioningActionKind.StartTimer)
                {
                    LastTimerDelay = action.DelayMilliseconds;
                }

                if (action.Kind == ProvisioningActionKind.Log)
                {
                    Logs.Add(action.Text + ": " + action.Detail);
                }
            }

            return Actions;
        }

        /// <summary>The <paramref name="nth"/> action of <paramref name="kind"/> in the last list, or null.</summary>
        public ProvisioningAction? Find(ProvisioningActionKind kind, int nth = 0)
        {
            for (int i = 0; i < Actions.Count; i++)
            {
                if (Actions[i].Kind == kind && nth-- == 0)
                {
                    return Actions[i];
                }
            }

            return null;
        }

        /// <summary>How many actions of <paramref name="kind"/> the last list has.</summary>
        public int CountOf(ProvisioningActionKind kind)
        {
            int n = 0;
            for (int i = 0; i < Actions.Count; i++)
            {
                if (Actions[i].Kind == kind) n++;
            }

            return n;
        }

        /// <summary>True when a log event named <paramref name="name"/> was written so far.</summary>
        public bool Logged(string name)
        {
            for (int i = 0; i < Logs.Count; i++)
            {
                if (((string)Logs[i]!).StartsWith(name + ": ")) return true;
            }

            return false;
        }

        /// <summary>A topic of the flow under test.</summary>
        public string Topic(FpApi api, FpApiTopic kind)
        {
            string topic;
            FpTopics.GetTopic(api, Options.Format, kind, Template, out topic);
            return topic;
        }

        /// <summary>The create API this machine uses.</summary>
        public FpApi CreateApi => UseCsr ? FpApi.CreateCertificateFromCsr : FpApi.CreateKeysAndCertificate;

        /// <summary>Grants every Subscribe in the last action list, one SUBACK each.</summary>
        public void GrantSubscriptions()
        {
            int n = CountOf(ProvisioningActionKind.Subscribe);
            string[] filters = new string[n];
            for (int i = 0; i < n; i++)
            {
                filters[i] = Find(ProvisioningActionKind.Subscribe, i)!.Topic!;
            }

            for (int i = 0; i < n; i++)
            {
                Send(ProvisioningEvent.SubscribeAcknowledged(filters[i], true));
            }
        }

        /// <summary>Lets the armed timer run out: moves the clock by its delay and sends its expiry.</summary>
        public ActionList ExpireTimer()
        {
            Now += LastTimerDelay;
            return Send(ProvisioningEvent.TimerExpired(Machine.CurrentTimerId));
        }

        /// <summary>The delay of the last StartTimer seen.</summary>
        public int LastTimerDelay { get; private set; }

        /// <summary>Boot without a record, connect with the claim, grant the create subscriptions (and answer the CSR).</summary>
        public ActionList ToRequestingCertificate()
        {
            Send(ProvisioningEvent.Boot(null));
            Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
            GrantSubscriptions();
            if (UseCsr)
            {
                Send(ProvisioningEvent.CsrCreated(TestBytes.Utf8Of(TestPayloads.Csr), TestBytes.Utf8Of("CSR-KEY-SECRET")));
            }

            return Actions;
        }

        /// <summary>Answers the create request and grants the register subscriptions: RegisterThing is published.</summary>
        public ActionList ToRegisteringThing()
        {
            ToRequestingCertificate();
            Send(ProvisioningEvent.MessageReceived(Topic(CreateApi, FpApiTopic.Accepted), TestPayloads.CreateAccepted(1, !UseCsr), 0, TestPayloads.CreateAccepted(1, !UseCsr).Length));
            GrantSubscriptions();
            return Actions;
        }

        /// <summary>Sends a message on <paramref name="topic"/>.</summary>
        public ActionList Receive(string topic, byte[] payload) => Send(ProvisioningEvent.MessageReceived(topic, payload, 0, payload.Length));
    }
}
