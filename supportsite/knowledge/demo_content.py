"""Demo knowledge for Northwind Cloud: the FAQ and the help-centre articles that `seed_demo` loads.

Every figure here agrees with the demo company in the foundation issue (plans Free $0, Pro $29/month,
Business $99/month; refunds within 14 days, duplicate charges always refunded, agents approve up to
$50.00). The offline provider's evaluation sets (agents/data/faq_eval.jsonl, kb_eval.jsonl) are
written against these questions and slugs: change them together.
"""

from __future__ import annotations

FAQS: list[dict] = [
    {
        "question": "How do I reset my password?",
        "answer": "Open the sign-in page, choose **Forgot password** and enter your email address. We send a reset link that works for one hour; if it doesn't arrive within a few minutes, check your spam folder.",
        "alternatives": ["I forgot my password", "reset password", "can't remember my password", "how can I change my password if I forgot it", "password reset link", "new password please", "the password I use doesn't work anymore", "send me a password reset email"],
        "tags": ["account", "password"],
    },
    {
        "question": "How do I turn on two-factor authentication?",
        "answer": "Go to **Settings → Security → Two-factor authentication**, choose **Enable**, scan the QR code with an authenticator app and type in the 6-digit code it shows. Save the recovery codes somewhere safe: each works once if you lose your phone.",
        "alternatives": ["enable 2FA", "set up two factor", "how to activate two-step verification", "add an authenticator app to my account", "make my account more secure", "turn on 2-step verification", "use google authenticator with northwind"],
        "tags": ["account", "security", "2fa"],
    },
    {
        "question": "I lost my phone with my authenticator. How do I get back into my account?",
        "answer": "Sign in with your password and choose **Use a recovery code** on the two-factor screen; each recovery code works once. If you have no recovery codes left, ask for a person in this chat: we'll verify it's you and reset two-factor on your account.",
        "alternatives": ["lost my 2FA device", "new phone, my authenticator codes are gone", "can't get my two factor code", "2fa recovery", "use a recovery code", "my authenticator app was deleted", "2fa device broken"],
        "tags": ["account", "security", "2fa"],
    },
    {
        "question": "Why is my account locked and how do I unlock it?",
        "answer": "We lock an account after five failed sign-ins in a row to keep it safe. Reset your password from the sign-in page to unlock it straight away, or sign in to this chat and ask us to unlock it.",
        "alternatives": ["my account is locked", "locked out after too many attempts", "unlock my account", "it says my account is locked", "account locked", "too many wrong passwords", "I'm locked out of northwind"],
        "tags": ["account", "sign-in"],
    },
    {
        "question": "What plans do you offer and how much do they cost?",
        "answer": "We have three plans: **Free** at $0, **Pro** at $29/month and **Business** at $99/month. Pro adds custom domains, more build minutes and no sleeping apps; Business adds team roles, a 99.95% uptime SLA and priority support.",
        "alternatives": ["what are your prices", "how much does Northwind cost", "pricing", "how much is the pro plan", "what does the business plan cost", "how much does it cost", "plan prices", "compare plans", "what plans are there"],
        "tags": ["billing", "plans"],
    },
    {
        "question": "What's included in the Free plan?",
        "answer": "The Free plan costs $0 and includes one app, 10 deploys a day, builds of up to 15 minutes and 60 API requests a minute. Free apps sleep after 30 minutes without traffic and wake on the next request.",
        "alternatives": ["free tier limits", "what do I get for free", "limits of the free plan", "is there a free plan", "what can I do on the free tier", "free plan features", "does the free plan have limits"],
        "tags": ["plans", "free"],
    },
    {
        "question": "How do I upgrade my plan?",
        "answer": "Go to **Billing → Plan**, choose Pro ($29/month) or Business ($99/month) and confirm. The upgrade applies at once and we charge the difference for the rest of the month.",
        "alternatives": ["upgrade to pro", "switch to the business plan", "how can I get a bigger plan", "move up to business", "upgrade my account", "get more features", "buy the pro plan"],
        "tags": ["billing", "plans"],
    },
    {
        "question": "How do I downgrade my plan?",
        "answer": "Go to **Billing → Plan** and choose the smaller plan. The downgrade takes effect at the end of your current billing period, so you keep your current features until then.",
        "alternatives": ["downgrade to free", "switch to a cheaper plan", "go back to the pro plan from business", "reduce my plan", "move to a smaller plan", "downgrade my account", "I don't need business anymore"],
        "tags": ["billing", "plans"],
    },
    {
        "question": "How do I cancel my subscription?",
        "answer": "Go to **Billing → Plan** and choose **Cancel subscription**. Your paid plan stays active until the end of the period you've paid for, then your account moves to the Free plan; your apps and data are kept.",
        "alternatives": ["cancel my plan", "stop my subscription", "I want to cancel", "how to unsubscribe from pro", "end my plan", "cancel pro", "stop paying", "cancel my account subscription"],
        "tags": ["billing", "cancel"],
    },
    {
        "question": "How do I change the card I pay with?",
        "answer": "Go to **Billing → Payment method**, choose **Replace card** and enter the new card's details. We retry any failed invoice on the new card within a day.",
        "alternatives": ["update my credit card", "my card expired, how do I add a new one", "change payment card", "replace the card on file", "new credit card", "update payment details", "change billing card", "add a different card"],
        "tags": ["billing", "card"],
    },
    {
        "question": "Where can I find my invoices?",
        "answer": "All your invoices are under **Billing → Invoices**, where you can download each one as a PDF. We also email every invoice to your billing address when it is issued.",
        "alternatives": ["download my invoice", "where are my receipts", "get a copy of an invoice", "billing history", "see my invoices", "invoice pdf", "past bills", "receipt for my payment"],
        "tags": ["billing", "invoices"],
    },
    {
        "question": "What is your refund policy?",
        "answer": "A charge can be refunded within 14 days of being paid. A duplicate charge is always refunded, whenever it happened. Our support agents can approve refunds up to $50.00 straight away; larger refunds are approved by a member of our staff.",
        "alternatives": ["can I get a refund", "how do refunds work", "do you give refunds", "refund rules", "how many days do I have to ask for a refund", "refund policy", "am I eligible for a refund", "money back policy", "within how many days can I get a refund"],
        "tags": ["billing", "refund"],
    },
    {
        "question": "I was charged twice. What happens now?",
        "answer": "A duplicate charge is always refunded in full. Sign in and tell us in this chat which charge was doubled: we'll find the duplicate payment on your account and request the refund for you.",
        "alternatives": ["duplicate charge", "I was billed two times", "double charged", "you took the payment twice", "charged twice", "two charges for the same month", "duplicate payment", "billed twice"],
        "tags": ["billing", "refund"],
    },
    {
        "question": "How long does a refund take to arrive?",
        "answer": "Once a refund is approved it usually reaches your card in 5 to 10 business days, depending on your bank.",
        "alternatives": ["when will I get my refund", "refund not arrived yet", "how long do refunds take", "refund timing", "where is my refund", "refund still not on my card", "how many days for the refund to arrive"],
        "tags": ["billing", "refund"],
    },
    {
        "question": "Which payment methods do you accept?",
        "answer": "We accept Visa, Mastercard and American Express cards. Business customers can also pay yearly by bank transfer against an invoice.",
        "alternatives": ["can I pay with paypal", "do you take amex", "payment options", "can I pay by bank transfer", "accepted cards", "can I pay with mastercard", "payment methods", "do you accept visa"],
        "tags": ["billing", "payment"],
    },
    {
        "question": "How do I add my company name or VAT number to invoices?",
        "answer": "Go to **Billing → Details** and fill in your company name, address and VAT number. They appear on every invoice issued after you save them.",
        "alternatives": ["add VAT id to invoice", "put my company on the invoice", "invoice with tax number", "change the billing address on invoices", "VAT number", "company details on invoice", "tax id on invoices"],
        "tags": ["billing", "invoices"],
    },
    {
        "question": "How do I export my data?",
        "answer": "Go to **Settings → Data → Export**. We prepare a ZIP of your apps' configuration, deploy history and account data and email you a download link that works for 7 days.",
        "alternatives": ["download all my data", "get a copy of my data", "data export", "backup my account data", "export data", "export my apps", "take my data with me"],
        "tags": ["account", "data"],
    },
    {
        "question": "How do I delete my account?",
        "answer": "Go to **Settings → Account → Delete account**. Cancel any paid plan first; deleting removes your apps and data for good after a 7-day grace period, during which you can change your mind.",
        "alternatives": ["close my account", "remove my account permanently", "delete my northwind account", "erase my account", "delete account", "I want my account gone", "cancel and delete everything"],
        "tags": ["account", "data"],
    },
    {
        "question": "How do I change the email address on my account?",
        "answer": "Go to **Settings → Profile**, enter the new address and confirm it from the link we send there. Until you confirm, sign-in and invoices keep using the old address.",
        "alternatives": ["update my email", "change login email", "use a different email address", "change the account email", "new email address", "email change", "switch my account to another email"],
        "tags": ["account"],
    },
    {
        "question": "How do I add team members?",
        "answer": "Go to **Settings → Team → Invite**, enter your colleague's email and pick a role. Free and Pro accounts can invite up to 3 members; Business accounts have no limit and can use custom roles.",
        "alternatives": ["invite a colleague", "add a user to my team", "share my account with a coworker", "how many team members can I have", "invite team members", "add people to my account", "give my colleague access"],
        "tags": ["account", "team"],
    },
    {
        "question": "What are your support hours?",
        "answer": "This chat answers around the clock. Our support staff are here Monday to Friday, 08:00 to 20:00 UTC; Business customers also get weekend cover for urgent issues.",
        "alternatives": ["when is support available", "are you open on weekends", "support opening times", "when can I reach a human", "support hours", "opening hours", "is support open now", "what time can I contact support"],
        "tags": ["general", "support"],
    },
    {
        "question": "How do I talk to a person?",
        "answer": "Just ask for a person in this chat at any time and we'll pass the conversation to our support staff, with everything you've told us so far.",
        "alternatives": ["speak to a human", "contact support staff", "talk to an agent", "can I reach a real person", "talk to someone", "human support", "real person please", "chat with support staff"],
        "tags": ["general", "support"],
    },
    {
        "question": "Where can I see the status of Northwind services?",
        "answer": "Our status page at status.northwind.cloud shows every region and component, current incidents and their updates. You can subscribe there to updates by email.",
        "alternatives": ["status page", "is Northwind down", "service status", "where do you post outages", "is there an outage page", "check if services are up", "uptime status"],
        "tags": ["general", "status"],
    },
    {
        "question": "What are the API rate limits?",
        "answer": "The API allows 60 requests a minute on Free, 600 on Pro and 3,000 on Business, per account. Above that it answers HTTP 429 with a `Retry-After` header telling you how many seconds to wait.",
        "alternatives": ["how many API requests can I make", "API limits", "requests per minute limit", "why do I get 429 too many requests", "rate limit", "api quota", "how many api calls per minute", "limits on the api"],
        "tags": ["technical", "api"],
    },
    {
        "question": "How do I add a custom domain?",
        "answer": "Custom domains are on Pro and Business. In your app, go to **Settings → Domains → Add domain**, then create a CNAME record at your DNS provider pointing your domain to the target we show (your-app.northwind.app). It's live once DNS has updated, usually within an hour.",
        "alternatives": ["use my own domain", "point my domain to northwind", "connect a domain name", "custom domain setup", "custom domain", "add my domain", "set up my domain name", "domain configuration"],
        "tags": ["technical", "domains"],
    },
    {
        "question": "Do you provide SSL certificates?",
        "answer": "Yes: every app and every custom domain gets a free TLS certificate from Let's Encrypt, issued automatically once the domain's DNS points to us and renewed before it expires.",
        "alternatives": ["is https included", "free ssl", "do I need to buy a certificate", "tls certificate for my domain", "ssl certificate", "https for custom domain", "is tls free", "certificate included"],
        "tags": ["technical", "tls"],
    },
    {
        "question": "Which regions can I deploy to?",
        "answer": "You can run apps in three regions: us-east (Virginia), eu-west (Ireland) and ap-southeast (Singapore). Pick the region when you create an app; Business accounts can run an app in several regions at once.",
        "alternatives": ["where are your data centers", "do you have servers in europe", "available regions", "can I host in asia", "regions", "which locations do you have", "deploy in europe", "server locations", "where are your servers located"],
        "tags": ["technical", "regions"],
    },
    {
        "question": "How many deploys can I run, and how long can a build take?",
        "answer": "Free accounts get 10 deploys a day and builds of up to 15 minutes. Pro and Business have unlimited deploys and builds of up to 45 minutes.",
        "alternatives": ["deploy limits", "build time limit", "how many deployments per day", "maximum build duration", "build timeout limit", "deploys per day", "how long can builds run", "deploy quota"],
        "tags": ["technical", "deploys"],
    },
    {
        "question": "Do free apps go to sleep?",
        "answer": "Yes: apps on the Free plan sleep after 30 minutes without traffic, and the first request afterwards takes a few seconds while the app starts. Apps on Pro and Business never sleep.",
        "alternatives": ["why is my free app slow on the first request", "app sleeping", "keep my free app awake", "does my app go idle", "free app sleeps", "app goes to sleep", "idle apps on free", "why does my app wake up slowly on free"],
        "tags": ["technical", "free"],
    },
    {
        "question": "Do you offer an uptime SLA?",
        "answer": "The Business plan comes with a 99.95% monthly uptime SLA, with service credits if we miss it. Free and Pro have no SLA, though they run on the same infrastructure.",
        "alternatives": ["service level agreement", "uptime guarantee", "what is your sla", "do you guarantee availability", "sla", "uptime commitment", "availability guarantee", "business plan sla", "will we get service credits", "compensation for downtime", "credits for the outage"],
        "tags": ["general", "business"],
    },
    {
        "question": "Where is my data stored?",
        "answer": "Your apps and their data stay in the region you choose (us-east, eu-west or ap-southeast). Account and billing data are stored in eu-west. We are GDPR compliant and sign a data processing agreement on request.",
        "alternatives": ["are you GDPR compliant", "data residency", "do you keep data in the EU", "where do you host my data", "gdpr", "data location eu", "which country is my data in", "data processing agreement"],
        "tags": ["general", "privacy"],
    },
]

ARTICLES: list[dict] = [
    {
        "slug": "api-rate-limits-429",
        "title": "API rate limits and HTTP 429",
        "summary": "Why the API answers 429 Too Many Requests, what the limits are, and how to stay under them.",
        "body": (
            "The Northwind API allows 60 requests a minute on Free, 600 on Pro and 3,000 on Business, counted per account. "
            "Requests over the limit get HTTP 429 Too Many Requests.\n\n"
            "1. Read the `Retry-After` header on the 429 response and wait that many seconds before retrying.\n"
            "2. Retry with exponential back-off and jitter rather than immediately.\n"
            "3. Batch calls where an endpoint accepts lists, and cache responses that rarely change.\n"
            "4. Check the `X-RateLimit-Remaining` header to slow down before you hit the limit.\n"
            "5. If you need more, upgrade your plan in **Billing → Plan**."
        ),
        "tags": ["api", "429", "rate limit", "too many requests", "throttling"],
    },
    {
        "slug": "api-errors-5xx",
        "title": "Troubleshooting API errors (500, 502, 503) and timeouts",
        "summary": "What to do when the API or your app answers with 5xx errors or requests time out.",
        "body": (
            "5xx errors mean something failed on the server side: in your app, or on our platform.\n\n"
            "1. Check status.northwind.cloud for an active incident in your app's region.\n"
            "2. Open **App → Logs** and look for errors at the time of the failed requests.\n"
            "3. Retry idempotent requests with back-off; most 502 and 503 errors during an incident are short-lived.\n"
            "4. If your app itself returns 500, check the latest deploy and roll back in **App → Deploys** if it started then.\n"
            "5. If errors continue and there is no incident, contact support with a request ID from the `X-Request-Id` header."
        ),
        "tags": ["api", "500", "502", "503", "5xx", "errors", "timeout", "outage"],
    },
    {
        "slug": "custom-domains-dns",
        "title": "Custom domains and DNS",
        "summary": "Point your own domain at a Northwind app and fix domains that don't resolve.",
        "body": (
            "Custom domains are available on Pro and Business.\n\n"
            "1. In your app, go to **Settings → Domains → Add domain** and enter the domain (for example www.example.com).\n"
            "2. At your DNS provider, create a CNAME record from that name to the target shown, your-app.northwind.app.\n"
            "3. For an apex domain (example.com) use an ALIAS or ANAME record, or our A record 203.0.113.10.\n"
            "4. Wait for DNS to update, usually within an hour; check it with `dig www.example.com`.\n"
            "5. Once the domain resolves to us, the dashboard shows it as **Verified** and a certificate is issued."
        ),
        "tags": ["domain", "dns", "cname", "custom domain", "www"],
    },
    {
        "slug": "tls-certificates",
        "title": "TLS (SSL) certificates",
        "summary": "How certificates are issued and renewed, and how to fix certificate errors on custom domains.",
        "body": (
            "Every app and custom domain gets a free Let's Encrypt certificate, renewed automatically.\n\n"
            "1. Make sure the domain's DNS points to Northwind; a certificate can only be issued after that.\n"
            "2. Remove CAA records that don't allow letsencrypt.org, or add one that does.\n"
            "3. In **Settings → Domains**, choose **Retry certificate** once DNS is correct.\n"
            "4. If browsers warn that the certificate is not trusted, clear any proxy in front of the app that serves its own certificate.\n"
            "5. Certificates renew 30 days before they expire; a failed renewal shows a warning on the domain."
        ),
        "tags": ["ssl", "tls", "https", "certificate", "lets encrypt"],
    },
    {
        "slug": "failed-deploys-build-timeouts",
        "title": "Failed deploys and build timeouts",
        "summary": "Why a deploy fails or a build times out, and how to get it through.",
        "body": (
            "Builds may run for up to 15 minutes on Free and 45 minutes on Pro and Business.\n\n"
            "1. Open **App → Deploys**, select the failed deploy and read the build log from the first error, not the last line.\n"
            "2. If the build ran out of time, enable the build cache and remove steps that download large files at build time.\n"
            "3. Check that dependencies install locally with the same lock file and language version as in your build settings.\n"
            "4. If the app builds but fails on start, check that it listens on the `PORT` environment variable.\n"
            "5. Roll back to the last good deploy with **Roll back** while you fix the problem."
        ),
        "tags": ["deploy", "build", "timeout", "failed", "rollback"],
    },
    {
        "slug": "environment-variables-secrets",
        "title": "Environment variables and secrets",
        "summary": "Set configuration and secrets for your app, and make them available at build and run time.",
        "body": (
            "1. Go to **App → Settings → Environment** and add each variable as a name and value.\n"
            "2. Mark API keys and passwords as **Secret**: they are encrypted and hidden in the dashboard and logs.\n"
            "3. Tick **Available at build time** for variables your build step needs; by default they exist only at run time.\n"
            "4. Redeploy the app: changes apply to new deploys, not to running instances.\n"
            "5. Read them in your code from the environment, for example `os.environ[\"DATABASE_URL\"]`."
        ),
        "tags": ["environment", "variables", "secrets", "config", "env"],
    },
    {
        "slug": "scaling-cold-starts",
        "title": "Scaling and cold starts",
        "summary": "Add instances, set autoscaling and avoid slow first requests.",
        "body": (
            "1. Go to **App → Scaling** and set the number of instances, or turn on autoscaling with a minimum and maximum.\n"
            "2. Keep a minimum of one instance to avoid cold starts; on Free, apps sleep after 30 minutes without traffic.\n"
            "3. Make start-up faster by loading large files lazily and keeping the image small.\n"
            "4. Add a health check path in **App → Settings** so new instances only get traffic once they are ready.\n"
            "5. Watch memory in **App → Metrics**; an instance that runs out of memory is restarted."
        ),
        "tags": ["scaling", "instances", "cold start", "autoscaling", "memory", "slow"],
    },
]
