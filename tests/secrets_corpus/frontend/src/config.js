// runtime configuration for the storefront
export const config = {
  sentryDsn: "https://3121613d8ba3816b4baac16411d2aee9@o4505.ingest.sentry.io/4506", 
  mapsApiKey: process.env.MAPS_API_KEY, 
  shopifyToken: "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",
  discordWebhook: "https://discord.com/api/webhooks/713003715249386910/mmz9XhTvPka8rGs1pKYyiFwdiiabRLwxw6SvUn9yNqGQVv2s47NSjyGr_dW2_T23aTP7",
  buildHash: "7b5e5d947a2262eb26ab2aab121fddbad73ce966", 
  apiKey: "", 
};

const password = document.getElementById("password").value; 
const tokenKey = "shop.auth.token"; 
