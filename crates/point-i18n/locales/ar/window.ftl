# نصوص نافذة POINT باللغة العربية (مترجمة عن en/window.ftl).
# معرّفات الرسائل عقد ثابت: يشير إليها ui/index.html في data-l10n-id، ويشير إليها ui/main.js في t("…").
# الرسالة التي لها .attributes تضبط تلك السمات في عنصرها (placeholder وaria-label وalt).
# المصطلحات (-point و-okta) أسماء منتجات: لا تُترجم أبدًا.

-point = POINT
-okta = Okta

## الشرائط

offline-banner = أنت غير متصل بالإنترنت. يعرض { -point } آخر ما توفّر لديه من معلومات، ويواصل محاولة إعادة الاتصال.
offline-banner-reason = أنت غير متصل بالإنترنت. يعرض { -point } آخر ما توفّر لديه من معلومات، ويواصل محاولة إعادة الاتصال. ({ $reason })
notice-dismiss = إغلاق

## بدء التشغيل

starting-lead = جارٍ بدء التشغيل…

## الترحيب

welcome-title = مرحبًا بك في { -point }
welcome-lead = سجّل الدخول بحساب { -okta } الخاص بشركتك لعرض لوحة المعلومات.
work-email-label = البريد الإلكتروني للعمل
work-email =
    .placeholder = you@company.com
email-help-find = يستخدمه { -point } للعثور على { -okta } الخاص بمؤسستك.
email-help-suggest = يقترحه { -point } على { -okta }.
# $domains: نطاقات البريد الإلكتروني المسموح بها، مجمّعة مسبقًا ("example.com أو example.org").
email-help-domains = استخدم بريدك الإلكتروني للعمل على { $domains }.
sign-in = تسجيل الدخول باستخدام { -okta }
add-cancel = إلغاء
welcome-organizations-title = مؤسساتك الأخرى
someone-else = تسجيل الدخول كمستخدم آخر
device-sign-in = تسجيل الدخول على جهاز آخر
manual-setup = الإعداد يدويًا
managed-note = يدير قسم تقنية المعلومات إعدادات { -okta } الخاصة بتطبيق { -point } على هذا الحاسوب.
browser-note = يؤدي تسجيل الدخول إلى فتح متصفح الويب. لا يطّلع { -point } على كلمة المرور الخاصة بك أبدًا.
session-ended-notice = انتهت جلستك. سجّل الدخول مرة أخرى.
# $problem: سبب تعذّر استخدام الإعدادات (جملة).
settings-problem-notice = لا يمكن استخدام إعدادات { -okta } الخاصة بتطبيق { -point }: { $problem }
settings-source = إعدادات { -okta }: { $source }
add-organization-title = إضافة مؤسسة
# $organization: المؤسسة المستخدمة حاليًا.
add-organization-lead = سجّل الدخول باستخدام بريدك الإلكتروني للعمل في المؤسسة الأخرى. سيظل تسجيل دخولك إلى { $organization } قائمًا.
add-organization-lead-unnamed = سجّل الدخول باستخدام بريدك الإلكتروني للعمل في المؤسسة الأخرى. سيظل تسجيل دخولك إلى المؤسسة التي تستخدمها الآن قائمًا.

## الإعداد اليدوي

setup-title = الإعداد يدويًا
setup-lead = يمكن لمسؤول { -okta } تزويدك بهذه القيم من Native App الخاص بتطبيق { -point } في { -okta }.
okta-domain-label = نطاق { -okta }
okta-domain =
    .placeholder = company.okta.com
client-id-label = Client ID
client-id =
    .placeholder = 0oa…
save-setup = حفظ
setup-back = رجوع

## تسجيل الدخول على جهاز آخر

device-title = تسجيل الدخول على جهاز آخر
device-lead = افتح هذه الصفحة على هاتفك أو على حاسوب آخر، ثم أدخل الرمز.
# $time: وقت انتهاء صلاحية الرمز، منسّق مسبقًا وفق لغة المستخدم.
device-code-valid-until = الرمز، صالح حتى { $time }
device-qr =
    .alt = رمز QR للصفحة التي تتضمن الرمز: امسحه بكاميرا هاتفك
device-continues = سيتابع { -point } تلقائيًا بمجرد تسجيل دخولك هناك.
device-cancel = إلغاء

## في انتظار المتصفح

waiting-spinner =
    .aria-label = في انتظار المتصفح
waiting-title = تابع في المتصفح
waiting-lead = سجّل الدخول في صفحة { -okta } الخاصة بمؤسستك. سيتابع { -point } عند انتهائك.
open-again = فتح المتصفح مرة أخرى
cancel-sign-in = إلغاء

## لوحة المعلومات

signed-in-fallback-name = تم تسجيل الدخول
refresh = تحديث
sign-out = تسجيل الخروج
organization-switcher =
    .aria-label = مؤسساتك
add-organization = إضافة مؤسسة
metrics-title = المؤشرات الرئيسية
activity-title = النشاط الأخير
signing-you-in = جارٍ تسجيل دخولك…
loading-dashboard = جارٍ تحميل لوحة المعلومات…
# $time: وقت جلب لوحة المعلومات المعروضة، منسّق مسبقًا.
dashboard-offline = غير متصل: تُعرض لوحة المعلومات كما كانت في { $time }.
dashboard-restoring = جارٍ تسجيل دخولك… تُعرض لوحة المعلومات كما كانت في { $time }.
dashboard-stale = لوحة المعلومات لا تستجيب: تُعرض كما كانت في { $time }. يواصل { -point } المحاولة.
# $change: التغيّر مقارنةً بالفترة السابقة، نسبة مئوية (0.062 تعني 6.2 %). Formatted by the window as a percentage.
metric-change-up = ▲ { $change } مقارنةً بالفترة السابقة
metric-change-down = ▼ { $change } مقارنةً بالفترة السابقة
# $actor: من قام بالإجراء؛ $summary: ما قام به (كلاهما من لوحة المعلومات، بلغتها).
activity-item = { $actor }: { $summary }
# $organization: اسم مؤسسة.
switch-to = التبديل إلى { $organization }
organization-signed-in = تم تسجيل الدخول
organization-signed-out = تم تسجيل الخروج

## تسجيل الخروج

sign-out-title = هل تريد تسجيل الخروج من { -point }؟
sign-out-text = ستحتاج إلى تسجيل الدخول مرة أخرى لعرض لوحة المعلومات.
end-okta-session = تسجيل الخروج أيضًا من { -okta } في المتصفح (ومن تطبيقات { -okta } الأخرى فيه)
end-okta-decided = يسجّل قسم تقنية المعلومات خروجك أيضًا من { -okta } في المتصفح.
sign-out-cancel = إلغاء
sign-out-confirm = تسجيل الخروج

## الأخطاء

error-title-sign-in = تعذّر تسجيل الدخول
error-title-sign-out = لم يكتمل تسجيل الخروج
error-title-browser = تعذّر على { -point } فتح المتصفح
error-title-keychain = تعذّر استخدام سلسلة المفاتيح
error-title-storage = تعذّر على { -point } حفظ إعداداته
error-title-update = تعذّر التحديث
error-title-settings = إعدادات { -point } تحتاج إلى مراجعة
error-title-account = لا يمكن استخدام هذا الحساب هنا
error-title-dashboard = لم تستجب لوحة المعلومات
error-title-not-connected = لم تُربط مؤسستك بـ { -okta } بعد
error-title-step-up = يلزم تسجيل دخول أقوى
error-title-session-ended = انتهت جلستك
error-hint-title = معلومات لمسؤول { -okta }
error-step-up = تسجيل الدخول مرة أخرى
error-retry = إعادة المحاولة
error-someone-else = تسجيل الدخول كمستخدم آخر
copy-details = نسخ التفاصيل
details-copied = تم نسخ التفاصيل.
copied-problem = مشكلة في تسجيل الدخول إلى { -point }: { $code }
copied-admin-step = خطوة للمسؤول: { $hint }
copied-state = الحالة: { $state }
copied-time = الوقت: { $time }
contact-support = الاتصال بالدعم
email-support = مراسلة الدعم بالبريد الإلكتروني
support-collecting = جارٍ جمع ما يحتاجه فريق الدعم (بضع ثوانٍ)…
# $path: الملف الذي تمت كتابته؛ $email و$url: عنوان الدعم وصفحته.
support-saved = تم حفظ { $path }. أرفقه برسالتك الإلكترونية إلى { $email } (أو راجع { $url }).

## التحديثات

# $version: الإصدار المعروض.
update-available = يتوفر { -point } { $version }.
update-available-major = { -point } { $version } إصدار رئيسي جديد، وقد يغيّر طريقة عمل { -point }.
update-installing = جارٍ تثبيت { -point } { $version }…
update-restart = تم تثبيت { -point } { $version }. أعد تشغيل { -point } لاستخدامه.
update-failed = تعذّر تثبيت { -point } { $version }.
# $reason: السبب (جملة).
update-failed-reason = تعذّر تثبيت { -point } { $version }: { $reason }
update-install = تثبيت
update-restart-now = إعادة التشغيل الآن
update-try-again = إعادة المحاولة
update-confirm-major = هل تريد تثبيت { -point } { $version }؟ إنه إصدار رئيسي جديد، وربما لم يختبره قسم تقنية المعلومات بعد.
update-confirm-major-action = نعم، ثبّته
