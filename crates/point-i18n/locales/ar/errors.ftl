# أخطاء POINT وتلميحاتها، كما تعرضها النافذة و`point doctor` وسطر الأوامر (مترجمة عن en/errors.ftl).
# الإنجليزية هي المصدر: لكل لغة أخرى هذه الرسائل والمتغيرات نفسها تمامًا.
# تُقتبس تسميات وحدة تحكم Okta (Applications وSecurity → API، …) كما تعرضها Okta بالإنجليزية؛
# وتُبقيها الترجمة كما هي ما دامت وحدة تحكم Okta لا تترجمها.

-point = POINT
-okta = Okta

## الوصول إلى Okta

error-offline = تعذّر على { -point } الاتصال بالخادم { $host }. تحقّق من اتصالك بالإنترنت وأعد المحاولة.
error-timeout = لم يستجب الخادم { $host } في الوقت المحدد. تحقّق من اتصالك وأعد المحاولة.
error-interrupted = انقطع الاتصال بالخادم { $host } قبل وصول ردّه. تحقّق من اتصالك وأعد المحاولة.
error-tls = تعذّر على { -point } إنشاء اتصال آمن بالخادم { $host } ({ $detail }).
error-provider-unavailable = يواجه { -okta } ({ $host }) مشكلات حاليًا (HTTP { $status }). أعد المحاولة بعد بضع دقائق.
error-provider-unavailable-until = يواجه { -okta } ({ $host }) مشكلات حاليًا (HTTP { $status }). سيعيد { -point } المحاولة في { $time }.
error-unexpected-response = تعذّرت قراءة ردّ { -okta } ({ $what }). أعد المحاولة، وإذا تكررت المشكلة فاتصل بالدعم.
error-rate-limited = يحدّ { -okta } حاليًا من الطلبات الواردة من مؤسستك. سيعيد { -point } المحاولة قريبًا.
error-rate-limited-until = يحدّ { -okta } حاليًا من الطلبات الواردة من مؤسستك. سيعيد { -point } المحاولة في { $time }.

## مستند الاكتشاف (discovery) في Okta

error-not-an-authorization-server = لا يؤدي نطاق Okta إلى خادم تفويض من Okta (HTTP { $status } عند طلب إعدادات OpenID الخاصة به).
error-issuer-mismatch = يعرّف خادم التفويض في Okta نفسه بأنه { $found }، وليس { $expected }.
error-pkce-unsupported = لا يوفّر خادم التفويض في Okta آلية PKCE مع S256، وهي آلية يتطلبها { -point }.

## الرابط الذي يعيده المتصفح

error-invalid-callback = تلقّى { -point } رابط تسجيل دخول لا يمكنه استخدامه: { $reason }.
callback-too-long = الرابط أطول من 8 KiB
callback-not-our-redirect = الرابط ليس عنوان تسجيل الدخول أو تسجيل الخروج الخاص بـ { -point }
callback-fragment = يحتوي الرابط على جزء (fragment)
callback-repeated = يكرّر الرابط المعامل `{ $parameter }`
callback-missing = لا يحتوي الرابط على المعامل `{ $parameter }`
callback-malformed = صيغة المعامل `{ $parameter }` في الرابط غير صحيحة
error-no-pending-sign-in = تلقّى { -point } ردًّا على تسجيل دخول، لكن لا توجد عملية تسجيل دخول جارية. ابدأ تسجيل الدخول من جديد من { -point }.
error-sign-in-expired = استغرق تسجيل الدخول وقتًا طويلًا فانتهت صلاحيته. ابدأه من جديد.
error-state-mismatch = لا ينتمي ردّ تسجيل الدخول هذا إلى عملية تسجيل الدخول الجارية، لذا تجاهله { -point }.
error-callback-issuer-mismatch = ورد ردّ تسجيل الدخول هذا من موفّر هوية غير الموفّر الذي طلب منه { -point }، لذا تجاهله { -point }.

## رفضٌ من Okta

error-not-assigned = لم يُعيَّن لك تطبيق { -point } في { -okta }.
error-access-policy-denied = لا تسمح لك سياسة الوصول في { -okta } الخاصة بمؤسستك بتسجيل الدخول إلى { -point }.
error-access-denied = رفض { -okta } تسجيل الدخول.
error-access-denied-described = رفض { -okta } تسجيل الدخول: { $description }.
error-grant-type-not-enabled = لا يُسمح لتطبيق { -point } في { -okta } بتسجيل دخولك بهذه الطريقة.
error-redirect-uri-not-registered = عنوان تسجيل الدخول الخاص بـ { -point } غير مسجّل في تطبيق { -okta } التابع لمؤسستك.
error-invalid-client = لا يتعرّف { -okta } على Client ID الخاص بـ { -point }.
error-scope-not-allowed = رفض { -okta } الأذونات التي يطلبها { -point }.
error-scope-not-allowed-described = رفض { -okta } الأذونات التي يطلبها { -point }: { $description }.
error-login-required = يطلب منك { -okta } تسجيل الدخول مرة أخرى.
error-unmet-authentication = تعذّر على { -okta } تسجيل دخولك بالقوة المطلوبة.
error-unmet-authentication-described = تعذّر على { -okta } تسجيل دخولك بالقوة المطلوبة: { $description }.
error-authorization-failed = تعذّر على { -okta } إكمال تسجيل الدخول ({ $error }).
error-authorization-failed-described = تعذّر على { -okta } إكمال تسجيل الدخول ({ $error }: { $description }).
error-code-rejected = استغرق تسجيل الدخول وقتًا طويلًا أو انقطع. أعد المحاولة.
error-refresh-token-rejected = انتهت جلستك. سجّل الدخول مرة أخرى.
error-token-request-refused = رفض { -okta } إصدار الرموز المميزة ({ $error }).
error-token-request-refused-described = رفض { -okta } إصدار الرموز المميزة ({ $error }: { $description }).
error-missing-id-token = لم يتضمن ردّ { -okta } رمز المعرّف (ID token). تحقّق من أن نطاقات التطبيق (Scopes) تتضمن openid.
error-device-grant-not-offered = لا يتيح { -okta } الخاص بمؤسستك تسجيل الدخول على جهاز آخر.
error-device-grant-not-enabled = لا يُسمح لتطبيق { -point } في { -okta } بتسجيل الدخول على جهاز آخر.
error-device-sign-in-denied = رُفض تسجيل الدخول على الجهاز الآخر.
error-device-code-expired = انتهت صلاحية الرمز قبل أن يسجّل أحد الدخول به. ابدأ من جديد للحصول على رمز جديد.
error-loopback-unavailable = تعذّر على { -point } الاستماع على 127.0.0.1 لاستقبال ردّ تسجيل الدخول ({ $detail }).
error-dpop-proof-refused = رفض { -okta } إثبات الحيازة (DPoP) الذي قدّمه { -point }.
error-dpop-proof-refused-described = رفض { -okta } إثبات الحيازة (DPoP) الذي قدّمه { -point }: { $description }.
error-hardware-key-required = يشترط قسم تقنية المعلومات حفظ مفتاح تسجيل الدخول الخاص بـ { -point } في وحدة TPM على هذا الحاسوب، لكن هذا الحاسوب لا يحتوي على وحدة TPM يمكن لـ { -point } استخدامها.
error-key-hardware-unavailable = تعذّر على { -point } استخدام وحدة TPM على هذا الحاسوب، وهي التي تحفظ مفتاح تسجيل دخولك ({ $reason }). سيعيد { -point } المحاولة.
error-key-not-on-this-machine = مفتاح تسجيل دخولك غير موجود في وحدة TPM على هذا الحاسوب: إما أن تسجيل الدخول نُسخ من حاسوب آخر، وإما أن وحدة TPM مُسحت. سجّل الدخول مرة أخرى.
error-key-unavailable = تعذّر على { -point } إنشاء المفتاح الذي يحمي تسجيل دخولك أو قراءته. سجّل الدخول مرة أخرى.

## رمز المعرّف (ID token)

error-id-token = فشل التحقق من رمز المعرّف (ID token) الصادر عن { -okta }: { $reason }.
id-token-unsigned = الرمز غير موقّع (alg none)
id-token-symmetric = الرمز موقّع بخوارزمية سرّ مشترك ({ $algorithm })، ولا يمكن لعميل عام الوثوق بها
id-token-disallowed-algorithm = خوارزميته { $algorithm } غير مقبولة
id-token-bad-signature = توقيعه غير صالح
id-token-unknown-key = الرمز موقّع بمفتاح لا ينشره الموفّر
id-token-wrong-issuer = أصدرته جهة أخرى
id-token-wrong-audience = صدر لتطبيق آخر
id-token-missing-authorized-party = يحدد عدة جهات مستهدفة (audiences) دون طرف مفوَّض (authorized party)
id-token-wrong-authorized-party = الطرف المفوَّض فيه تطبيق آخر
id-token-expired = انتهت صلاحيته (تحقّق من تاريخ هذا الجهاز ووقته)
id-token-issued-in-future = صدر في المستقبل (تحقّق من تاريخ هذا الجهاز ووقته)
id-token-authenticated-in-future = يفيد بأنك سجّلت الدخول في المستقبل (تحقّق من تاريخ هذا الجهاز ووقته)
id-token-not-yet-valid = لم يصبح صالحًا بعد (تحقّق من تاريخ هذا الجهاز ووقته)
id-token-wrong-nonce = قيمة nonce فيه لا تطابق عملية تسجيل الدخول هذه
id-token-missing-nonce = لا يحتوي على قيمة nonce
id-token-wrong-access-token-hash = تجزئة رمز الوصول فيه لا تطابق رمز الوصول
id-token-wrong-subject = يشير إلى مستخدم غير المستخدم الذي سجّل الدخول
id-token-malformed = صيغته غير صحيحة ({ $detail })
id-token-weaker-than-asked = يفيد بتسجيل دخول أضعف ({ $got }) من المطلوب ({ $asked })
id-token-missing-auth-time = لا يذكر وقت تسجيل دخولك، مع أن المطلوب تسجيل دخول حديث
id-token-authenticated-too-long-ago = يفيد بتسجيل دخول أقدم من المطلوب

## ما أُدخل في إعدادات Okta

error-empty-domain = أدخل نطاق Okta الخاص بك، مثل company.okta.com.
error-not-a-url = «{ $given }» ليس عنوان ويب. أدخل نطاق Okta الخاص بك، مثل company.okta.com.
error-not-https = يجب أن يبدأ نطاق Okta بالبادئة https://. ولا يُسمح بالبادئة http:// غير المشفّرة إلا لموفّر يعمل على هذا الحاسوب.
error-domain-has-credentials = أزل اسم المستخدم أو كلمة المرور من نطاق Okta، وأدخل https://company.okta.com فقط.
error-domain-has-query = أزل كل ما يلي «?» أو «#» من نطاق Okta.
error-admin-console = هذا عنوان وحدة تحكم المسؤول في { -okta }. أزل «-admin» واستخدم { $suggested }.
error-endpoint = هذه نقطة نهاية (endpoint) في { -okta }، وليست النطاق. استخدم { $suggested }.
error-unexpected-path = يجب أن يكون نطاق Okta بالشكل https://company.okta.com، أو عنوان خادم تفويض مخصص مثل https://company.okta.com/oauth2/default.
error-empty-client-id = أدخل Client ID الخاص بتطبيق Native App التابع لمؤسستك في { -okta }.
error-malformed-client-id = لا يمكن أن يحتوي Client ID على مسافات أو أحرف خاصة. انسخه مرة أخرى من علامة التبويب General في تطبيق { -okta } (قسم Client Credentials).
error-client-secret = يسجّل { -point } الدخول بوصفه تطبيقًا من نوع Native App في { -okta }، وهذا النوع لا يملك سرّ عميل (client secret). اطلب من مسؤول { -okta } إنشاء تطبيق Native App (وليس Web App) لـ { -point }، وتزويدك بقيمة Client ID الخاصة به فقط.
error-trusted-roots = تعذّر استخدام ملف الشهادات الموثوقة { $path }: { $reason }
error-proxy = تعذّر استخدام الخادم الوكيل { $proxy }: { $reason }
error-incomplete-managed-okta = تحدّد إعدادات قسم تقنية المعلومات لـ { -point } ({ $origin }) القيمة { $given } دون { $missing }، لذا لا يمكن لـ { -point } تسجيل الدخول. اطلب من قسم تقنية المعلومات ضبط okta_domain وclient_id كليهما.

## قواعد قسم تقنية المعلومات وإعداداته

error-managed-by-it = يدير قسم تقنية المعلومات إعدادات Okta الخاصة بتطبيق { -point } على هذا الحاسوب، لذا لا يمكن تغييرها هنا.
error-email-domain = لا يسمح قسم تقنية المعلومات بتسجيل الدخول إلى { -point } إلا بعنوان بريد إلكتروني على { $allowed }.
error-untrusted-okta = لا يسمح قسم تقنية المعلومات لـ { -point } بتسجيل الدخول إلا إلى مؤسسات Okta التي يحددها، والنطاق { $host } ليس منها.
error-device-sign-in-off = أوقف قسم تقنية المعلومات تسجيل الدخول على جهاز آخر في { -point }. سجّل الدخول باستخدام المتصفح على هذا الحاسوب.
error-managed-config-unreadable = تتعذّر قراءة الإعدادات التي ضبطها قسم تقنية المعلومات ({ $origin }): { $reason }
error-dashboard-address-refused = عنوان لوحة المعلومات الوارد من { $source } ({ $address }) ليس عنوان https://، لذا لن يرسل { -point } بيانات تسجيل دخولك إليه. يجب أن يبدأ العنوان بالبادئة https://.
error-proxy-refused = الخادم الوكيل الذي ضبطه قسم تقنية المعلومات ({ $address }) ليس عنوان http:// أو https://، لذا لن يتصل { -point } حتى يُصحَّح.
error-not-configured = لا يعرف { -point } بعدُ خدمة Okta الخاصة بمؤسستك. أدخل بريدك الإلكتروني للعمل، أو أجرِ الإعداد يدويًا.

## مصدر الإعداد

source-default = القيمة الافتراضية المضمّنة
source-managed = يديره قسم تقنية المعلومات
source-user = إعداداتك
source-environment = متغيرات البيئة (إصدار تطوير)

## الجلسة وسلسلة المفاتيح

error-not-signed-in = لم تسجّل الدخول.
error-session-ended = انتهت جلستك. سجّل الدخول مرة أخرى.
error-superseded = سجّلت الدخول أو الخروج بينما كان { -point } يجدّد جلستك.
error-email-not-allowed = عنوان البريد الإلكتروني لهذا الحساب ليس من العناوين التي يسمح بها قسم تقنية المعلومات في { -point }.
error-sign-in-cancelled = تم إلغاء تسجيل الدخول.
error-keychain-unavailable = سلسلة المفاتيح على هذا الحاسوب غير متاحة ({ $detail }). سيُبقي { -point } تسجيل دخولك قائمًا حتى إغلاقه، لكنه لن يتمكن من تذكّرك.
error-keychain-locked = سلسلة المفاتيح على هذا الحاسوب مقفلة أو رفضت الوصول ({ $detail }). ألغِ قفلها، ثم سجّل الدخول مرة أخرى ليتمكن { -point } من تذكّرك.
error-keychain-too-long = بيانات تسجيل الدخول أكبر مما تتسع له سلسلة المفاتيح (عدد الأحرف { $units }، والحد الأقصى { $limit }).
error-keychain-failed = حدث خطأ في سلسلة المفاتيح ({ $detail }).
error-keychain-corrupt = إدخال { -point } في سلسلة المفاتيح تالف؛ سجّل الدخول مرة أخرى.

## لوحة المعلومات

error-dashboard-offline = تعذّر على { -point } الوصول إلى لوحة المعلومات. تحقّق من اتصالك بالإنترنت.
error-dashboard-timeout = لم تستجب لوحة المعلومات في الوقت المحدد. أعد المحاولة.
error-dashboard-tls = تعذّر على { -point } إنشاء اتصال آمن بلوحة المعلومات ({ $detail }).
error-dashboard-refused = رفضت لوحة المعلومات الطلب (HTTP { $status }).
# كلمات لوحة المعلومات نفسها (طُلبت بلغة المستخدم).
error-dashboard-said = { $message }
error-dashboard-unavailable = تواجه لوحة المعلومات مشكلات (HTTP { $status }). أعد المحاولة بعد بضع دقائق.
error-dashboard-unexpected = تعذّرت قراءة ردّ لوحة المعلومات ({ $detail }).
error-okta-not-connected = لم تربط مؤسستك Okta بـ { -point } بعد. يمكن للمسؤول إضافته من ⁦Organization → Integrations → Okta.⁩

## هذا الحاسوب

error-browser = تعذّر على { -point } فتح متصفح الويب. استخدم «فتح المتصفح مرة أخرى»، أو تحقّق من المتصفح الافتراضي.
error-storage = تعذّر على { -point } حفظ إعداداته ({ $detail }).
error-update-failed = تعذّر على { -point } تحديث نفسه ({ $detail }). سيواصل العمل بإصداره الحالي، وسيعيد المحاولة لاحقًا.

## تسجيل دخول أقوى (step-up): ما المطلوب، بعبارات المستخدم

step-up-asked = تتطلب هذه الصفحة تسجيل دخول أقوى: { $strength }.
step-up-asked-recent = تتطلب هذه الصفحة تسجيل دخول حديثًا (خلال { $minutes ->
        [zero] آخر { $minutes } دقيقة
        [one] آخر دقيقة
        [two] آخر دقيقتين
        [few] آخر { $minutes } دقائق
        [many] آخر { $minutes } دقيقة
       *[other] آخر { $minutes } دقيقة
    }): { $strength }.
acr-1fa-any = أيّ عامل مصادقة واحد
acr-1fa-pwd = كلمة مرورك
acr-2fa-any = عاملا مصادقة
acr-2fa-any-ifpossible = عاملا مصادقة إذا كانا مُعدَّين لحسابك
acr-phr = عامل مصادقة مقاوم للتصيّد الاحتيالي، مثل مفتاح أمان أو Okta FastPass
acr-phrh = عامل مصادقة مقاوم للتصيّد الاحتيالي ومحفوظ في جهاز مادي، مثل مفتاح أمان
acr-other = مستوى تسجيل الدخول { $value }
acr-policy = ما تطلبه سياسة تسجيل الدخول الخاصة بمؤسستك

## تلميحات: ما يمكن أن يفعله المستخدم أو قسم تقنية المعلومات أو مسؤول Okta

hint-settings-unusable = يمكن لقسم تقنية المعلومات تصحيح إعدادات { -point } على هذا الحاسوب.
hint-email-domain = استخدم عنوان بريدك الإلكتروني للعمل، أو راجع قسم تقنية المعلومات.
hint-untrusted-okta = لقسم تقنية المعلومات: اضبط okta_domain وclient_id، أو أدرج نطاقات Okta التي يمكن لـ { -point } استخدامها في allowed_okta_domains (docs/it-deployment.md).
hint-update-failed = إذا استمرت المشكلة، فيمكن لقسم تقنية المعلومات تثبيت الإصدار الجديد لك.
hint-email-not-allowed = سجّل الدخول بحساب العمل. إذا كان المتصفح قد سجّل دخولك باسم شخص آخر، فسجّل الخروج من Okta فيه أولًا.
hint-keychain-unavailable-linux = ثبّت حلقة مفاتيح من نوع Secret Service (مثل GNOME Keyring أو KWallet) وشغّلها في جلسة سطح المكتب، ثم أعد تشغيل { -point }.
hint-keychain-unavailable = أعد تشغيل { -point }. إذا تكررت المشكلة، فاتصل بقسم تقنية المعلومات.
hint-keychain-locked = ألغِ قفل سلسلة المفاتيح (يُلغى قفلها عادةً عند تسجيل دخولك إلى الحاسوب)، ثم سجّل الدخول مرة أخرى.
hint-keychain-failed = سجّل الدخول مرة أخرى. إذا تكررت المشكلة، فاتصل بالدعم.
hint-assignments = في وحدة تحكم المسؤول (Okta Admin Console)، افتح ⁦Applications → Applications⁩، ثم اختر تطبيق Native App الخاص بـ { -point }، وافتح Assignments، وعيّن التطبيق لهذا الشخص (أو لمجموعة ينتمي إليها).
hint-access-policy = في وحدة تحكم المسؤول (Okta Admin Console)، افتح ⁦Security → API → Authorization Servers⁩، ثم اختر الخادم الذي يستخدمه { -point }، وافتح Access Policies، وأضف سياسة وقاعدة تسمحان لتطبيق Native App الخاص بـ { -point } بنوعَي المنح Authorization Code وRefresh Token.
hint-grant-types = في إعدادات General لتطبيق Native App الخاص بـ { -point }، فعّل Authorization Code وRefresh Token ضمن Grant type.
hint-device-grant = في إعدادات General لتطبيق Native App الخاص بـ { -point }، فعّل Device Authorization ضمن Grant type؛ وإذا كنت تستخدم خادم تفويض مخصصًا، فاسمح أيضًا بنوع المنح Device Authorization في قاعدة سياسة الوصول الخاصة بـ { -point } (⁦Security → API → Authorization Servers → Access Policies⁩).
hint-redirect-uri = في إعدادات General لتطبيق Native App الخاص بـ { -point }، أضف org.pointapp.point:/login إلى Sign-in redirect URIs، وorg.pointapp.point:/logout إلى Sign-out redirect URIs.
hint-client-id = انسخ Client ID من تطبيق Native App الخاص بـ { -point } (⁦Applications → Applications⁩، ثم التطبيق، ثم ⁦General → Client Credentials⁩) والصقه في { -point } ضمن ⁦Organization → Integrations → Okta.⁩ يجب أن يكون التطبيق من نوع Native Application، وليس Web Application.
hint-scopes = يطلب { -point } النطاقات openid وprofile وemail وoffline_access. إذا كنت تستخدم خادم تفويض مخصصًا، فتحقّق من ⁦Security → API → Authorization Servers → Scopes⁩ ومن النطاقات المحددة في قاعدة سياسة الوصول.
hint-domain = في { -point }، ضمن ⁦Organization → Integrations → Okta⁩، يجب أن يكون النطاق عنوان URL لمؤسستك في Okta (https://company.okta.com) أو المُصدِر (issuer) لخادم تفويض مخصص.
hint-rate-limit = بلغت المؤسسة حدود معدّل الطلبات في Okta: تعرض صفحة ⁦Reports → Rate Limits⁩ في وحدة تحكم المسؤول (Admin Console) نقطة النهاية والتطبيق المعنيَّين؛ ارفع الحد لتطبيق { -point }، أو ابحث عمّا يستدعي /oauth2/v1/token بهذه الكثرة.
hint-dpop = إذا كان تطبيق Native App الخاص بـ { -point } يتطلب DPoP (⁦General → Proof of possession⁩)، ففعّل DPoP للمؤسسة في { -point } (⁦Organization → Integrations → Okta⁩) أو في الإعدادات المُدارة من قسم تقنية المعلومات (okta_dpop = true). يستخدم { -point } آلية DPoP مع خادم تفويض مخصص (https://company.okta.com/oauth2/…) يُدرج ES256 في dpop_signing_alg_values_supported.
hint-hardware-key-required = لقسم تقنية المعلومات: لا يحتوي هذا الحاسوب على وحدة TPM 2.0 يستطيع { -point } فتحها. فعّل وحدة TPM من إعدادات البرنامج الثابت (firmware)، وامنح الموظفين حق الوصول إليها (على Linux: /dev/tpmrm0، أي المجموعة tss على Debian وUbuntu)، أو اسمح بحفظ المفاتيح برمجيًا حيث لا توجد وحدة TPM (dpop_key = "hardware-where-available").
hint-key-hardware = لقسم تقنية المعلومات: تحقّق من أن وحدة TPM مفعّلة ومن أن هذا الحساب مسموح له باستخدامها (على Linux: /dev/tpmrm0، أي المجموعة tss على Debian وUbuntu). يحتفظ { -point } بالجلسة ويعيد المحاولة.
hint-unmet-authentication = في وحدة تحكم المسؤول (Okta Admin Console)، تحقّق من سياسة المصادقة لتطبيق Native App الخاص بـ { -point } (⁦Security → Authentication Policies⁩)، ومن أن هذا الشخص مسجَّل في أداة مصادقة (authenticator) تسمح بها السياسة (مثل Okta Verify أو مفتاح أمان)، حتى يتمكن Okta من تلبية المستوى المطلوب.
hint-tls = إذا كانت شركتك تفحص حركة مرور TLS، فاطلب من قسم تقنية المعلومات تزويد { -point } بشهادة الجذر الخاصة بالشركة (إعداد ملف CA الإضافي).
