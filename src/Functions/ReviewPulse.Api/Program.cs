using ReviewPulse.Api;
using ReviewPulse.Lambda.Runtime;

// One entry point: Kestrel locally (--urls sets the address), the Lambda Runtime API when AWS_LAMBDA_RUNTIME_API is set.
try
{
    var app = ApiApplication.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (LambdaHosting.RuntimeApi is not null)
{
    await LambdaHosting.ReportInitErrorAsync(e);
    Console.Error.WriteLine(e);
    return 1;
}
