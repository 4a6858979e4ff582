// runtime configuration for the storefront
export const config = {
  sentryDsn: "https://3121613d8ba3816b4baac16411d2aee9@o4505.ingest.sentry.io/4506", 
  mapsApiKey: process.env.MAPS_API_KEY, 
  shopifyToken: "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",
  discordWebhook: "https://discord.com/api/webhooks/450427678028885207/tyqIG5jj48aDwpVMAwBZDOeWrs7X3e7BKJwhnvyIlWMBiAI0FXDVAI99Rk3SKCgedjO6",
  buildHash: "7b5e5d947a2262eb26ab2aab121fddbad73ce966", 
  apiKey: "", 
};

const password = document.getElementById("password").value; 
const tokenKey = "shop.auth.token"; 
