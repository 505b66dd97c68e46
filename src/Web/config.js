// Where the API lives. Empty means same origin: the local app serves both, and in AWS CloudFront routes /api/* to it.
window.REVIEWPULSE_CONFIG = { apiBase: "" };
