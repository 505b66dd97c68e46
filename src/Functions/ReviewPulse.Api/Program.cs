using ReviewPulse.Api;

var app = ApiApplication.Build(args);
app.Run();
