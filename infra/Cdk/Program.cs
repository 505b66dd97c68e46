using Amazon.CDK;
using ReviewPulse.Cdk;

// jsii runs on the machine's Node.js; 20 is what these machines have and works with this CDK version.
System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
var app = new App();
var root = Path.GetFullPath(app.Node.TryGetContext("root") as string ?? ".");
_ = new ReviewPulseStack(app, "ReviewPulse", StackSettings.FromContext(app, root), new StackProps
{
    Description = "ReviewPulse: crowd-sourced brand reviews with a sentiment model in the loop",
    Env = new Amazon.CDK.Environment
    {
        Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
        Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
    },
});
app.Synth();
