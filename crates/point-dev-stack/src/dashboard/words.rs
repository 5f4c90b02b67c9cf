//! The dev dashboard's own words (its metrics' labels, its activity) in the language the caller
//! asked for with `Accept-Language`, as docs/dashboard-api.md asks of the production dashboard:
//! the window shows them as they come.

use axum::http::HeaderMap;

/// The languages the dev dashboard speaks besides English (POINT's shipped ones).
const LANGUAGES: [&str; 6] = ["de", "fr", "es", "pt-BR", "ja", "ar"];

/// The first language of `Accept-Language` the dev dashboard speaks (its primary subtag is
/// enough: `de-AT` is German, `pt` Brazilian Portuguese), or English.
pub fn language(headers: &HeaderMap) -> &'static str {
    let Some(accepted) = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return "en";
    };
    for tag in accepted.split(',') {
        let tag = tag.split(';').next().unwrap_or_default().trim();
        let primary = tag.split('-').next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            return "en";
        }
        if let Some(language) = LANGUAGES
            .iter()
            .find(|l| l.split('-').next() == Some(primary) && !primary.is_empty())
        {
            return language;
        }
    }
    "en"
}

/// `english` in `language`, when the dev dashboard has it; else as it is.
pub fn translated(language: &str, english: &str) -> String {
    let Some(column) = LANGUAGES.iter().position(|l| *l == language) else {
        return english.to_string();
    };
    WORDS
        .iter()
        .find(|(source, _)| *source == english)
        .map(|(_, words)| words[column].to_string())
        .unwrap_or_else(|| english.to_string())
}

/// English, then de, fr, es, pt-BR, ja, ar.
const WORDS: [(&str, [&str; 6]); 9] = [
    (
        "Open orders",
        [
            "Offene Bestellungen",
            "Commandes en cours",
            "Pedidos abiertos",
            "Pedidos em aberto",
            "未処理の注文",
            "الطلبات المفتوحة",
        ],
    ),
    (
        "On-time delivery",
        [
            "Pünktliche Lieferung",
            "Livraison à temps",
            "Entrega a tiempo",
            "Entrega no prazo",
            "納期遵守率",
            "التسليم في الموعد",
        ],
    ),
    (
        "Revenue this month",
        [
            "Umsatz diesen Monat",
            "Chiffre d'affaires du mois",
            "Ingresos de este mes",
            "Receita deste mês",
            "今月の売上",
            "إيرادات هذا الشهر",
        ],
    ),
    (
        "Open support tickets",
        [
            "Offene Support-Tickets",
            "Tickets de support ouverts",
            "Tickets de soporte abiertos",
            "Chamados de suporte abertos",
            "未解決のサポートチケット",
            "تذاكر الدعم المفتوحة",
        ],
    ),
    (
        "Units shipped",
        [
            "Versandte Einheiten",
            "Unités expédiées",
            "Unidades enviadas",
            "Unidades enviadas",
            "出荷数",
            "الوحدات المشحونة",
        ],
    ),
    (
        "Approved purchase order PO-20931",
        [
            "Bestellung PO-20931 genehmigt",
            "Bon de commande PO-20931 approuvé",
            "Orden de compra PO-20931 aprobada",
            "Pedido de compra PO-20931 aprovado",
            "発注書 PO-20931 を承認しました",
            "وافق على أمر الشراء PO-20931",
        ],
    ),
    (
        "Closed 6 support tickets",
        [
            "6 Support-Tickets geschlossen",
            "6 tickets de support clôturés",
            "Cerró 6 tickets de soporte",
            "Encerrou 6 chamados de suporte",
            "サポートチケットを 6 件クローズしました",
            "أغلق 6 تذاكر دعم",
        ],
    ),
    (
        "Published the weekly operations report",
        [
            "Wöchentlichen Betriebsbericht veröffentlicht",
            "Rapport d'exploitation hebdomadaire publié",
            "Publicó el informe semanal de operaciones",
            "Publicou o relatório semanal de operações",
            "週次業務レポートを公開しました",
            "نشر تقرير العمليات الأسبوعي",
        ],
    ),
    (
        "Signed off the November production plan",
        [
            "Produktionsplan für November freigegeben",
            "Plan de production de novembre validé",
            "Aprobó el plan de producción de noviembre",
            "Aprovou o plano de produção de novembro",
            "11 月の生産計画を承認しました",
            "اعتمد خطة إنتاج نوفمبر",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn asking(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            axum::http::header::ACCEPT_LANGUAGE,
            value.parse().expect("a header value"),
        );
        headers
    }

    #[test]
    fn the_caller_s_language_or_english() {
        assert_eq!(language(&asking("de, en;q=0.5")), "de");
        assert_eq!(language(&asking("pt-BR, en;q=0.5")), "pt-BR");
        assert_eq!(language(&asking("zh, ja;q=0.8")), "ja");
        assert_eq!(language(&asking("en")), "en");
        assert_eq!(language(&HeaderMap::new()), "en");
        assert_eq!(translated("fr", "Open orders"), "Commandes en cours");
        assert_eq!(translated("en", "Open orders"), "Open orders");
        assert_eq!(translated("de", "Something new"), "Something new");
    }
}
