# ما يعرضه `point doctor` و`point sign-in --device` وحزمة الدعم (مترجمة عن en/cli.ftl). الإنجليزية
# هي المصدر: لكل لغة أخرى هذه الرسائل والمتغيرات نفسها تمامًا. (المصطلحان -point و-okta
# معرّفان في errors.ftl الذي يُحمَّل مع هذا الملف.)

## point doctor: نتيجة كل فحص واسمه

doctor-pass = نجاح
doctor-fail = فشل
doctor-warn = تحذير
doctor-skip = تخطٍّ
doctor-fix = الحل
doctor-all-passed = نجحت جميع الفحوص.
doctor-some-failed = فشلت بعض الفحوص.
doctor-check-runtime = بيئة التشغيل
doctor-check-configuration = الإعدادات
doctor-check-okta-domain = نطاق Okta
doctor-check-discovery = الاكتشاف
doctor-check-clock = الساعة
doctor-check-okta-app = تطبيق Okta
doctor-check-proof-of-possession = إثبات الحيازة
doctor-check-pkce = pkce
doctor-check-offline-access = offline_access
doctor-check-sign-out-endpoints = نقاط نهاية تسجيل الخروج
doctor-check-device-sign-in = تسجيل الدخول على جهاز آخر
doctor-check-provider-capabilities = إمكانات الموفّر
doctor-check-proxy = الخادم الوكيل
doctor-check-deep-links = الروابط العميقة
doctor-check-keychain = سلسلة المفاتيح
doctor-check-dashboard = لوحة المعلومات
doctor-check-updates = التحديثات
doctor-check-log = السجل
doctor-check-dpop-key = مفتاح DPoP

## point doctor: ما وجده كل فحص، والحل

doctor-runtime-failed = تعذّر على { -point } بدء فحوصه ({ $detail })
doctor-runtime-fix = أعد التشغيل وحاول مرة أخرى.
# الإعدادات السارية، وأسطرها مفصولة بـ "; ".
doctor-lines = { $lines }
doctor-configuration-fix = اطلب من قسم تقنية المعلومات تصحيح الإعدادات المُدارة لـ { -point } (راجع docs/it-deployment.md).
doctor-issuer-org = المُصدِر هو { $issuer } (خادم تفويض المؤسسة في { -okta })
doctor-issuer-custom = المُصدِر هو { $issuer } (خادم تفويض مخصص)
doctor-okta-not-set = لم يُضبط نطاق Okta ولا Client ID
doctor-okta-not-set-fix = سجّل الدخول ببريدك الإلكتروني للعمل، أو أجرِ الإعداد يدويًا، أو اطلب من قسم تقنية المعلومات الإعدادات المُدارة لـ { -point }.
doctor-discovery-skipped = لا يوجد نطاق Okta صالح للاستخدام
doctor-discovery-passed = يستجيب { $url } عبر TLS بشهادات الجذر الموثوقة
doctor-discovery-fix = تحقّق من الشبكة ومن نطاق Okta، ومن ملف CA الإضافي (إذا كانت الشبكة تفحص حركة TLS).
doctor-capabilities-skipped = لم ينجح الاكتشاف
doctor-proxy-setting-fix = اطلب من قسم تقنية المعلومات ضبط proxy على عنوان http:// أو https://.
doctor-ca-file-fix = صحّح إعداد ملف CA الإضافي (ملف PEM يحتوي على شهادات).
doctor-dashboard-address-fix = اضبط عنوان لوحة المعلومات (api_base / ApiBase) على عنوان https://، أو احذفه لاستخدام العنوان الافتراضي لـ { -point }.
doctor-dashboard-url-invalid = عنوان URL الخاص بلوحة المعلومات غير صالح
doctor-dashboard-url-fix = صحّح عنوان URL الأساسي لواجهة API الخاصة بلوحة المعلومات.
doctor-dashboard-answers = يستجيب { $address }
doctor-dashboard-answered = استجاب { $address } بالرمز HTTP { $status }
doctor-dashboard-check-fix = تحقّق من عنوان URL الأساسي لواجهة API الخاصة بلوحة المعلومات.
doctor-network-fix = تحقّق من الشبكة (ومن ملف CA الإضافي إذا كانت الشبكة تفحص حركة TLS).
doctor-clock-off = ساعة هذا الجهاز { $direction ->
        [behind] متأخرة عن
       *[ahead] متقدمة على
    } ساعة { -okta } بنحو { $minutes } دقيقة (يصحّح { -point } هذا الفرق، وقد لا تفعل التطبيقات الأخرى ذلك)
doctor-clock-fix = فعّل ضبط التاريخ والوقت تلقائيًا في إعدادات النظام (Linux: timedatectl set-ntp true؛ Windows: ⁦Settings → Time & language → Set time automatically⁩؛ macOS: ⁦System Settings → General → Date & Time⁩).
doctor-clock-ok = الفرق بين ساعة هذا الجهاز وساعة { -okta } لا يتجاوز { $offset } ثانية
doctor-log = يكتب { -point } السجل في { $path }
doctor-log-none = ليس لهذا الحساب مجلد بيانات: يكتب { -point } السجل في stderr فقط
doctor-scheme-could-not-run = تعذّر تشغيل xdg-mime ({ $detail })
doctor-scheme-install-xdg-utils = ثبّت xdg-utils.
doctor-scheme-fix = أعد تثبيت حزمة { -point } التي تسجّل روابط org.pointapp.point:، أو شغّل: xdg-mime default point.desktop x-scheme-handler/org.pointapp.point
doctor-scheme-none = لا يوجد تطبيق يعالج روابط org.pointapp.point:
doctor-scheme-handled = يعالج { $handler } روابط org.pointapp.point:
doctor-scheme-no-argument = يعالج { $handler } روابط org.pointapp.point:، لكن سطر Exec فيه يخلو من %u، لذا يضيع الرابط
doctor-scheme-not-installed = المعالج { $handler } غير مثبّت
doctor-scheme-windows = روابط org.pointapp.point: تُفتح باستخدام { $command }
doctor-scheme-windows-no-argument = روابط org.pointapp.point: تُفتح باستخدام { $command } دون تمرير الرابط
doctor-scheme-windows-unregistered = روابط org.pointapp.point: غير مسجّلة
doctor-reinstall = أعد تثبيت { -point }.
doctor-reinstall-registers = أعد تثبيت { -point } (يسجّل برنامج التثبيت نوع الرابط).
doctor-scheme-bundle = مسجّلة بواسطة ملف Info.plist في حزمة التطبيق المثبّتة (لا يُتحقّق منها هنا)
doctor-keychain-ok = تمت كتابة إدخال اختباري وقراءته وحذفه
doctor-key-software = برمجيًا، بجوار رمز التحديث في سلسلة المفاتيح (أي نسخة من إدخال سلسلة المفاتيح تحمله معها)
doctor-key-tpm = في وحدة TPM على هذا الحاسوب (لا يمكن نسخه إلى حاسوب آخر)
doctor-key-session = يُحفظ مفتاح هذه الجلسة { $key }؛ { $new }
doctor-key-new-software-policy = تُحفظ المفاتيح الجديدة برمجيًا (إعداد قسم تقنية المعلومات: dpop_key = software)
doctor-key-new-tpm = تُنشأ المفاتيح الجديدة في وحدة TPM على هذا الحاسوب ({ $tpm })
doctor-key-new-software-no-tpm = لا يحتوي هذا الحاسوب على وحدة TPM يمكن لـ { -point } استخدامها: تُحفظ المفاتيح الجديدة برمجيًا
doctor-key-new-software-tpm-unusable = تعذّر استخدام وحدة TPM ({ $reason }): تُحفظ المفاتيح الجديدة برمجيًا
doctor-key-required-no-tpm = يشترط قسم تقنية المعلومات حفظ المفاتيح في وحدة TPM (dpop_key = hardware-required)، ولا يحتوي هذا الحاسوب على وحدة يمكن لـ { -point } استخدامها: يُرفض تسجيل الدخول
doctor-key-required-tpm-unusable = يشترط قسم تقنية المعلومات حفظ المفاتيح في وحدة TPM (dpop_key = hardware-required)، وتعذّر استخدام وحدة TPM ({ $reason }): يُرفض تسجيل الدخول
doctor-key-tpm-fix = فعّل وحدة TPM من إعدادات البرنامج الثابت (firmware)، وامنح هذا الحساب حق الوصول إليها (على Linux: /dev/tpmrm0، أي المجموعة tss على Debian وUbuntu).
doctor-okta-app-no-code-grant = يقبل { -okta } المعرّف Client ID { $client } وعنوان إعادة التوجيه، لكن قد لا يُسمح للتطبيق باستخدام نوع المنح Authorization Code
doctor-okta-app-no-code-grant-fix = لمسؤول Okta: في إعدادات General لتطبيق Native App الخاص بـ { -point }، فعّل Authorization Code وRefresh Token ضمن Grant type.
doctor-okta-app-ok = يقبل { -okta } المعرّف Client ID { $client } مع عنوان إعادة التوجيه { $redirect }
doctor-okta-app-redirect-refused = يرفض { -okta } عنوان إعادة التوجيه { $redirect } للمعرّف Client ID { $client } (HTTP { $status })
doctor-okta-app-redirect-fix = لمسؤول Okta: في إعدادات General لتطبيق Native App الخاص بـ { -point }، أضف org.pointapp.point:/login إلى Sign-in redirect URIs، وorg.pointapp.point:/logout إلى Sign-out redirect URIs.
doctor-okta-app-client-refused = لا يقبل { -okta } المعرّف Client ID { $client } (HTTP { $status })
doctor-okta-app-client-fix = انسخ Client ID الخاص بتطبيق Native App لـ { -point } (وليس تطبيق الموقع الإلكتروني) من ⁦Applications → Applications⁩، ثم التطبيق، ثم General، والصقه في { -point } ضمن ⁦Organization → Integrations → Okta⁩ (أو في الإعدادات المُدارة من قسم تقنية المعلومات).
doctor-okta-app-refused = رفض { -okta } طلب تسجيل دخول للمعرّف Client ID { $client } مع عنوان إعادة التوجيه { $redirect } (HTTP { $status })
doctor-okta-app-refused-fix = لمسؤول Okta: تحقّق من أن Client ID هذا يعود إلى تطبيق Native App يتيح نوع المنح Authorization Code وعنوان إعادة التوجيه لتسجيل الدخول org.pointapp.point:/login.
doctor-network-retry-fix = تحقّق من الشبكة وأعد المحاولة.
doctor-dpop-bound = آلية DPoP: رموز كل جلسة مرتبطة بمفتاح خاص بها (يوضّح فحص «مفتاح DPoP» مكان حفظه)
doctor-dpop-offered = آلية DPoP متاحة: يربط { -point } الرموز بمفتاح عندما يتطلب ذلك تطبيق Native App الخاص بـ { -point } (عندئذٍ يرفض { -okta } أي طلب دون إثبات، ويرسل { -point } إثباتًا)
doctor-dpop-org-server = تطلب المؤسسة استخدام DPoP، لكن نطاق Okta هو خادم تفويض المؤسسة (org authorization server)، وتتحقق لوحة المعلومات من رموز الوصول الصادرة عنه عبر userinfo (وهو ما يتطلب إثباتًا لا تستطيع لوحة المعلومات تقديمه): يسجّل { -point } الدخول دون DPoP
doctor-dpop-org-server-fix = لمسؤول Okta: استخدم خادم تفويض مخصصًا (https://company.okta.com/oauth2/default) لـ { -point }، أو ألغِ تحديد Require DPoP في تطبيق Native App الخاص بـ { -point }.
doctor-dpop-no-es256 = تطلب المؤسسة استخدام DPoP، لكن خادم التفويض لا يُدرج ES256 في dpop_signing_alg_values_supported: يسجّل { -point } الدخول دون DPoP
doctor-dpop-no-es256-fix = لمسؤول Okta: فعّل الميزة OAuth 2.0 Demonstrating Proof-of-Possession من ⁦Settings → Features.⁩
doctor-dpop-not-used = غير مستخدمة: تُستخدم رموز bearer (لا يتطلب تطبيق Native App الخاص بـ { -point } آلية DPoP)
doctor-pkce-ok = القيمة S256 مدرجة في code_challenge_methods_supported
doctor-pkce-missing = لا يوفّر خادم التفويض آلية PKCE مع S256
doctor-pkce-fix = يحتاج { -point } إلى خادم تفويض من Okta (يوفّر S256 دائمًا): تحقّق من أن نطاق Okta هو عنوان URL لمؤسستك في Okta أو المُصدِر لخادم تفويض مخصص.
doctor-offline-access-ok = النطاق offline_access مدرج في scopes_supported
doctor-offline-access-missing = لا يوفّر خادم التفويض النطاق offline_access، لذا لا يمكن لـ { -point } إبقاء تسجيل دخولك قائمًا
doctor-offline-access-fix = لمسؤول Okta: في ⁦Security → API → Authorization Servers⁩، افتح الخادم الذي يستخدمه { -point }، وتأكد من أن Scopes تتضمن offline_access، ومن أن تطبيق Native App الخاص بـ { -point } يتيح نوع المنح Refresh Token.
doctor-sign-out-ok = نقطتا نهاية الإبطال (revocation) وإنهاء الجلسة (end-session) مُعلَنتان
doctor-sign-out-missing = نقطة نهاية الإبطال أو إنهاء الجلسة مفقودة
doctor-sign-out-fix = استخدم خادم تفويض من Okta: فكلتا نقطتي النهاية جزء من مستند الاكتشاف في كل خادم من Okta.
doctor-device-offered = متاح ({ $endpoint })؛ ويحتاج تطبيق Native App الخاص بـ { -point } أيضًا إلى نوع المنح Device Authorization
doctor-device-missing = لا يُعلن خادم التفويض عن device_authorization_endpoint، لذا لا يمكن أن يعمل `point sign-in --device`
doctor-device-missing-fix = مطلوب فقط للأجهزة التي لا يتوفر فيها متصفح صالح للاستخدام. لمسؤول Okta: استخدم خادم تفويض من Okta يتيح نوع المنح Device Authorization، وفعّل نوع المنح هذا في تطبيق Native App الخاص بـ { -point }.
doctor-updates-refused = عنوان التحديث { $address } ({ $source }) ليس عنوان URL يبدأ بالبادئة https://، لذا فالتحديثات داخل التطبيق متوقفة
doctor-updates-refused-fix = اضبط UpdateUrl (update_url) على عنوان https:// لخادم التحديثات لديك، أو احذفه.
doctor-updates-off = التحديثات داخل التطبيق متوقفة ({ $source })
# $mode و$major قيمتا إعدادَي قسم تقنية المعلومات (update_mode وmajor_updates)، كما يكتبهما.
doctor-updates = { $mode } من { $address }؛ الإصدارات الرئيسية الجديدة: { $major } ({ $source })
doctor-proxy-through = عبر { $address } ({ $source })
doctor-proxy-environment = متغير البيئة { $name }={ $address }
doctor-proxy-system = إعدادات الخادم الوكيل في النظام
doctor-proxy-none = لا يوجد: اتصال مباشر (لا خادم وكيل في متغيرات البيئة)
doctor-proxy-fix = اضبط proxy / Proxy على عنوان مثل http://proxy.corp.example:3128، أو احذفه لاستخدام إعدادات النظام.

## الإعدادات السارية، سطر لكل إعداد (point doctor وحزمة الدعم)

config-okta-issuer = مُصدِر Okta: { $issuer } ({ $source })
config-client-id = معرّف العميل (Client ID): { $client } ({ $source })
config-okta-not-set = إعدادات Okta: غير مضبوطة
config-okta-not-set-because = إعدادات Okta: غير مضبوطة ({ $problem })
config-dashboard = لوحة المعلومات: { $address } ({ $source })
config-extra-roots = شهادات الجذر الموثوقة الإضافية: { $path } ({ $source })
config-sign-in-minimum = الحد الأدنى لتسجيل الدخول: { $strength } ({ $classes })
config-dpop-key = مكان حفظ مفاتيح DPoP: { $policy } (الإعداد dpop_key من قسم تقنية المعلومات)
config-authentication-age = إعادة تسجيل الدخول بعد: { $minutes ->
        [one] دقيقة واحدة ({ $minutes })
        [two] دقيقتين ({ $minutes })
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    }
config-managed = الإعدادات المُدارة: { $origin }
config-managed-none = الإعدادات المُدارة: لا يوجد
config-allowed-email-domains = نطاقات البريد الإلكتروني المسموح بها: { $domains }

## حزمة الدعم (يرسلها المستخدم إلى الدعم؛ وتبقى أسطر السجل فيها كما سُجّلت)

bundle-title = حزمة الدعم لـ { -point }
bundle-created = تاريخ الإنشاء: { $seconds } (بالثواني منذ 1970، بتوقيت UTC)
bundle-app-development = التطبيق: { -point } { $version } (إصدار تطوير)
bundle-app-release = التطبيق: { -point } { $version } (إصدار نهائي)
bundle-os = نظام التشغيل: { $os }
bundle-configuration = الإعدادات السارية
bundle-settings-problem = مشكلة في الإعدادات: { $problem }
bundle-session = الجلسة: { $state }
bundle-doctor = نتائج point doctor
bundle-log = آخر { $lines } من أسطر السجل
bundle-no-log-folder = (لا يوجد مجلد للسجل)
bundle-state-signed-out = تم تسجيل الخروج
bundle-state-restoring = جارٍ الاستعادة
bundle-state-signing-in = جارٍ تسجيل الدخول (في انتظار المتصفح)
bundle-state-signed-in = تم تسجيل الدخول
bundle-state-offline = غير متصل (تم تسجيل الدخول، وتجري إعادة المحاولة)
bundle-state-ended = أنهاها الموفّر
bundle-state-not-set-up = لم يتم الإعداد

## point sign-in --device

device-usage = الاستخدام: point sign-in --device
    يسجّل الدخول على جهاز آخر: يعرض { -point } صفحة ورمزًا؛ افتح الصفحة على هاتفك أو على
    حاسوب آخر، وتحقّق من الرمز، ثم سجّل الدخول هناك. مخصص للأجهزة التي لا يتوفر فيها متصفح يمكن
    أن يستخدمه { -point } (مثل جلسة SSH أو جهاز كشك). أما في النافذة، فيستخدم تسجيل الدخول متصفح هذا الحاسوب.
device-could-not-start = تعذّر بدء تشغيل { -point }: { $detail }
device-already-signed-in = لدى { -point } جلسة بالفعل للمستخدم { $who }. سجّل الخروج من نافذة { -point } لتسجيل الدخول كمستخدم آخر.
device-signed-in = تم تسجيل الدخول باسم { $who }. سيفتح { -point } وأنت مسجّل الدخول بدءًا من تشغيله التالي (أغلقه أولًا إذا كان مفتوحًا).
device-open-page = لتسجيل الدخول إلى { -point }، افتح هذه الصفحة على هاتفك أو على حاسوب آخر:
device-enter-code = ثم أدخل هذا الرمز:
device-page-with-code = (أو افتح { $page }، التي تتضمن الرمز)
device-waiting = { $minutes ->
        [zero] الرمز صالح لمدة { $minutes } دقيقة. في انتظار تسجيل دخولك…
        [one] الرمز صالح لمدة دقيقة واحدة. في انتظار تسجيل دخولك…
        [two] الرمز صالح لمدة دقيقتين. في انتظار تسجيل دخولك…
        [few] الرمز صالح لمدة { $minutes } دقائق. في انتظار تسجيل دخولك…
        [many] الرمز صالح لمدة { $minutes } دقيقة. في انتظار تسجيل دخولك…
       *[other] الرمز صالح لمدة { $minutes } دقيقة. في انتظار تسجيل دخولك…
    }

## mail

mail-subject = طلب دعم لـ { -point }
mail-describe = صِف هنا ما حدث.
mail-attach = يُرجى إرفاق حزمة الدعم التي حفظها { -point }: { $path }
